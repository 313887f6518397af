using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// Where an IMAPI2 write is (imapi2.h, Windows SDK; IID 27354136-7F64-5B0F-8F00-5D77AFBE261E), dual: IDispatch, then
/// slots 7-13: get_StartLba, get_SectorCount, get_LastReadLba, get_LastWrittenLba, get_TotalSystemBuffer,
/// get_UsedSystemBuffer, get_FreeSystemBuffer.
/// </summary>
[GeneratedComInterface]
[Guid("27354136-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IWriteEngine2EventArgs : IDispatch
{
    [PreserveSig]
    int get_StartLba(int* value);

    [PreserveSig]
    int get_SectorCount(int* value);

    [PreserveSig]
    int get_LastReadLba(int* value);

    [PreserveSig]
    int get_LastWrittenLba(int* value);

    [PreserveSig]
    int get_TotalSystemBuffer(int* value);

    [PreserveSig]
    int get_UsedSystemBuffer(int* value);

    [PreserveSig]
    int get_FreeSystemBuffer(int* value);
}
