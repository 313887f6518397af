using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Sequential reads and writes (objidl.h, Windows SDK; IID 0C733A30-2A1C-11CE-ADE5-00AA0044773A). Slots 3-4 after IUnknown.</summary>
[GeneratedComInterface]
[Guid("0C733A30-2A1C-11CE-ADE5-00AA0044773A")]
internal unsafe partial interface ISequentialStream
{
    [PreserveSig]
    int Read(byte* pv, uint cb, uint* pcbRead);

    [PreserveSig]
    int Write(byte* pv, uint cb, uint* pcbWritten);
}
