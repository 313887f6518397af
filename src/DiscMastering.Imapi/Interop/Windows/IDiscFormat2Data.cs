using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI2's data writer (imapi2.h, Windows SDK; IID 27354153-9F64-5B0F-8F00-5D77AFBE261E): IDispatch, IDiscFormat2,
/// then slots 12-43 in the SDK's order (below). Write takes the whole image as an IStream (its Stat size, a multiple
/// of 2048) and blocks until done; CancelWrite from another thread stops it.
/// </summary>
[GeneratedComInterface(StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(BStrStringMarshaller))]
[Guid("27354153-9F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscFormat2Data : IDiscFormat2
{
    [PreserveSig]
    int put_Recorder(IDiscRecorder2 value);

    [PreserveSig]
    int get_Recorder(nint* value);

    [PreserveSig]
    int put_BufferUnderrunFreeDisabled(short value);

    [PreserveSig]
    int get_BufferUnderrunFreeDisabled(short* value);

    [PreserveSig]
    int put_PostgapAlreadyInImage(short value);

    [PreserveSig]
    int get_PostgapAlreadyInImage(short* value);

    [PreserveSig]
    int get_CurrentMediaStatus(int* value);

    [PreserveSig]
    int get_WriteProtectStatus(int* value);

    [PreserveSig]
    int get_TotalSectorsOnMedia(int* value);

    [PreserveSig]
    int get_FreeSectorsOnMedia(int* value);

    [PreserveSig]
    int get_NextWritableAddress(int* value);

    [PreserveSig]
    int get_StartAddressOfPreviousSession(int* value);

    [PreserveSig]
    int get_LastWrittenAddressOfPreviousSession(int* value);

    [PreserveSig]
    int put_ForceMediaToBeClosed(short value);

    [PreserveSig]
    int get_ForceMediaToBeClosed(short* value);

    [PreserveSig]
    int put_DisableConsumerDvdCompatibilityMode(short value);

    [PreserveSig]
    int get_DisableConsumerDvdCompatibilityMode(short* value);

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

    [PreserveSig]
    int put_ForceOverwrite(short value);

    [PreserveSig]
    int get_ForceOverwrite(short* value);

    [PreserveSig]
    int get_MultisessionInterfaces(nint* value);

    [PreserveSig]
    int Write(IStream data);

    [PreserveSig]
    int CancelWrite();

    [PreserveSig]
    int SetWriteSpeed(int requestedSectorsPerSecond, short rotationTypeIsPureCAV);
}
