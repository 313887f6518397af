using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI2's list of recorders (imapi2.h, Windows SDK; IID 27354130-7F64-5B0F-8F00-5D77AFBE261E), dual: IDispatch, then
/// slots 7-10: get__NewEnum, get_Item, get_Count, get_IsSupportedEnvironment. Items are recorders' unique ids.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("27354130-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscMaster2 : IDispatch
{
    [PreserveSig]
    int get__NewEnum(nint* ppunk);

    [PreserveSig]
    int get_Item(int index, out string? value);

    [PreserveSig]
    int get_Count(int* value);

    [PreserveSig]
    int get_IsSupportedEnvironment(short* value);
}
