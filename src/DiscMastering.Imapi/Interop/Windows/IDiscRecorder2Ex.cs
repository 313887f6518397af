using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// An IMAPI2 recorder's raw command interface (imapi2.h, Windows SDK; IID 27354132-7F64-5B0F-8F00-5D77AFBE261E),
/// IUnknown-based, slots 3-20: SendCommandNoData, SendCommandSendDataToDevice, SendCommandGetDataFromDevice,
/// ReadDvdStructure, SendDvdStructure, GetAdapterDescriptor, GetDeviceDescriptor, GetDiscInformation,
/// GetTrackInformation, GetFeaturePage, GetModePage, SetModePage, GetSupportedFeaturePages, GetSupportedProfiles,
/// GetSupportedModePages, GetByteAlignmentMask, GetMaximumNonPageAlignedTransferSize, GetMaximumPageAlignedTransferSize.
/// Buffers the callee allocates (BYTE**) come back as CoTaskMem pointers.
/// </summary>
[GeneratedComInterface]
[Guid("27354132-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscRecorder2Ex
{
    [PreserveSig]
    int SendCommandNoData(byte* cdb, uint cdbSize, byte* senseBuffer, uint timeout);

    [PreserveSig]
    int SendCommandSendDataToDevice(byte* cdb, uint cdbSize, byte* senseBuffer, uint timeout, byte* buffer, uint bufferSize);

    [PreserveSig]
    int SendCommandGetDataFromDevice(byte* cdb, uint cdbSize, byte* senseBuffer, uint timeout, byte* buffer, uint bufferSize, uint* bufferFetched);

    [PreserveSig]
    int ReadDvdStructure(uint format, uint address, uint layer, uint agid, nint* data, uint* count);

    [PreserveSig]
    int SendDvdStructure(uint format, byte* data, uint count);

    [PreserveSig]
    int GetAdapterDescriptor(nint* data, uint* byteSize);

    [PreserveSig]
    int GetDeviceDescriptor(nint* data, uint* byteSize);

    [PreserveSig]
    int GetDiscInformation(nint* discInformation, uint* byteSize);

    [PreserveSig]
    int GetTrackInformation(uint address, int addressType, nint* trackInformation, uint* byteSize);

    [PreserveSig]
    int GetFeaturePage(int requestedFeature, byte currentFeatureOnly, nint* featureData, uint* byteSize);

    [PreserveSig]
    int GetModePage(int requestedModePage, int requestType, nint* modePageData, uint* byteSize);

    [PreserveSig]
    int SetModePage(int requestType, byte* data, uint byteSize);

    [PreserveSig]
    int GetSupportedFeaturePages(byte currentFeatureOnly, nint* featureData, uint* byteSize);

    [PreserveSig]
    int GetSupportedProfiles(byte currentOnly, nint* profileTypes, uint* validProfiles);

    [PreserveSig]
    int GetSupportedModePages(int requestType, nint* modePageTypes, uint* validPages);

    [PreserveSig]
    int GetByteAlignmentMask(uint* value);

    [PreserveSig]
    int GetMaximumNonPageAlignedTransferSize(uint* value);

    [PreserveSig]
    int GetMaximumPageAlignedTransferSize(uint* value);
}
