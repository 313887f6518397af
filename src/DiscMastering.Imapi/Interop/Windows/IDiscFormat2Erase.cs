using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI2's blanking (imapi2.h, Windows SDK; IID 27354156-8F64-5B0F-8F00-5D77AFBE261E): IDispatch, IDiscFormat2, then
/// slots 12-19: put_Recorder, get_Recorder, put_FullErase, get_FullErase, get_CurrentPhysicalMediaType, put_ClientName,
/// get_ClientName, EraseMedia.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("27354156-8F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscFormat2Erase : IDiscFormat2
{
    [PreserveSig]
    int put_Recorder(IDiscRecorder2 value);

    [PreserveSig]
    int get_Recorder(nint* value);

    [PreserveSig]
    int put_FullErase(short value);

    [PreserveSig]
    int get_FullErase(short* value);

    [PreserveSig]
    int get_CurrentPhysicalMediaType(int* value);

    [PreserveSig]
    int put_ClientName(string value);

    [PreserveSig]
    int get_ClientName(out string? value);

    [PreserveSig]
    int EraseMedia();
}
