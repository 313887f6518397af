using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// One IMAPI2 recorder (imapi2.h, Windows SDK; IID 27354133-7F64-5B0F-8F00-5D77AFBE261E), dual: IDispatch, then slots
/// 7-27: EjectMedia, CloseTray, AcquireExclusiveAccess, ReleaseExclusiveAccess, DisableMcn, EnableMcn,
/// InitializeDiscRecorder, get_ActiveDiscRecorder, get_VendorId, get_ProductId, get_ProductRevision, get_VolumeName,
/// get_VolumePathNames, get_DeviceCanLoadMedia, get_LegacyDeviceNumber, get_SupportedFeaturePages,
/// get_CurrentFeaturePages, get_SupportedProfiles, get_CurrentProfiles, get_SupportedModePages, get_ExclusiveAccessOwner.
/// VARIANT_BOOL is a short (-1 true); SAFEARRAYs stay raw pointers.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("27354133-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscRecorder2 : IDispatch
{
    [PreserveSig]
    int EjectMedia();

    [PreserveSig]
    int CloseTray();

    [PreserveSig]
    int AcquireExclusiveAccess(short force, string clientName);

    [PreserveSig]
    int ReleaseExclusiveAccess();

    [PreserveSig]
    int DisableMcn();

    [PreserveSig]
    int EnableMcn();

    [PreserveSig]
    int InitializeDiscRecorder(string recorderUniqueId);

    [PreserveSig]
    int get_ActiveDiscRecorder(out string? value);

    [PreserveSig]
    int get_VendorId(out string? value);

    [PreserveSig]
    int get_ProductId(out string? value);

    [PreserveSig]
    int get_ProductRevision(out string? value);

    [PreserveSig]
    int get_VolumeName(out string? value);

    [PreserveSig]
    int get_VolumePathNames(nint* value);

    [PreserveSig]
    int get_DeviceCanLoadMedia(short* value);

    [PreserveSig]
    int get_LegacyDeviceNumber(int* legacyDeviceNumber);

    [PreserveSig]
    int get_SupportedFeaturePages(nint* value);

    [PreserveSig]
    int get_CurrentFeaturePages(nint* value);

    [PreserveSig]
    int get_SupportedProfiles(nint* value);

    [PreserveSig]
    int get_CurrentProfiles(nint* value);

    [PreserveSig]
    int get_SupportedModePages(nint* value);

    [PreserveSig]
    int get_ExclusiveAccessOwner(out string? value);
}
