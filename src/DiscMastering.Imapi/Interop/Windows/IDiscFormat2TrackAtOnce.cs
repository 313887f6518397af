using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI2's track-at-once audio writer (imapi2.h, Windows SDK; IID 27354154-8F64-5B0F-8F00-5D77AFBE261E): IDispatch,
/// IDiscFormat2, then slots 12-36 in the SDK's order (below).
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("27354154-8F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscFormat2TrackAtOnce : IDiscFormat2
{
    [PreserveSig]
    int PrepareMedia();

    [PreserveSig]
    int AddAudioTrack(IStream data);

    [PreserveSig]
    int CancelAddTrack();

    [PreserveSig]
    int ReleaseMedia();

    [PreserveSig]
    int SetWriteSpeed(int requestedSectorsPerSecond, short rotationTypeIsPureCAV);

    [PreserveSig]
    int put_Recorder(IDiscRecorder2 value);

    [PreserveSig]
    int get_Recorder(nint* value);

    [PreserveSig]
    int put_BufferUnderrunFreeDisabled(short value);

    [PreserveSig]
    int get_BufferUnderrunFreeDisabled(short* value);

    [PreserveSig]
    int get_NumberOfExistingTracks(int* value);

    [PreserveSig]
    int get_TotalSectorsOnMedia(int* value);

    [PreserveSig]
    int get_FreeSectorsOnMedia(int* value);

    [PreserveSig]
    int get_UsedSectorsOnMedia(int* value);

    [PreserveSig]
    int put_DoNotFinalizeMedia(short value);

    [PreserveSig]
    int get_DoNotFinalizeMedia(short* value);

    [PreserveSig]
    int get_ExpectedTableOfContents(nint* value);

    [PreserveSig]
    int get_CurrentPhysicalMediaType(int* value);

    [PreserveSig]
    int put_ClientName(string value);

    [PreserveSig]
    int get_ClientName(out string? value);

    [PreserveSig]
    int get_RequestedWriteSpeed(int* value);

    [PreserveSig]
    int get_RequestedRotationTypeIsPureCAV(short* value);

    [PreserveSig]
    int get_CurrentWriteSpeed(int* value);

    [PreserveSig]
    int get_CurrentRotationTypeIsPureCAV(short* value);

    [PreserveSig]
    int get_SupportedWriteSpeeds(nint* supportedSpeeds);

    [PreserveSig]
    int get_SupportedWriteSpeedDescriptors(nint* supportedSpeedDescriptors);
}
