using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The shell's simple CD burner (shobjidl.h, Windows SDK; IID 3D73A659-E5D0-4D42-AFC0-5121BA425C8D): GetRecorderDriveLetter, Burn, HasRecordableDrive.</summary>
[GeneratedComInterface]
[Guid("3D73A659-E5D0-4D42-AFC0-5121BA425C8D")]
internal unsafe partial interface ICDBurn
{
    [PreserveSig]
    int GetRecorderDriveLetter(char* pszDrive, uint cch);

    [PreserveSig]
    int Burn(nint hwnd);

    [PreserveSig]
    int HasRecordableDrive(int* pfHasRecorder);
}
