using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI v1's audio (Redbook) format (imapi.h, Windows SDK; IID E3BC42CD-4E5C-11D3-9144-00104BA11C5E), slots 3-10:
/// GetTotalAudioTracks, GetTotalAudioBlocks, GetUsedAudioBlocks, GetAvailableAudioTrackBlocks, GetAudioBlockSize,
/// CreateAudioTrack, AddAudioTrackBlocks, CloseAudioTrack.
/// </summary>
[GeneratedComInterface]
[Guid("E3BC42CD-4E5C-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IRedbookDiscMaster
{
    [PreserveSig]
    int GetTotalAudioTracks(int* pnTracks);

    [PreserveSig]
    int GetTotalAudioBlocks(int* pnBlocks);

    [PreserveSig]
    int GetUsedAudioBlocks(int* pnBlocks);

    [PreserveSig]
    int GetAvailableAudioTrackBlocks(int* pnBlocks);

    [PreserveSig]
    int GetAudioBlockSize(int* pnBlockBytes);

    [PreserveSig]
    int CreateAudioTrack(int nBlocks);

    [PreserveSig]
    int AddAudioTrackBlocks(byte* pby, int cb);

    [PreserveSig]
    int CloseAudioTrack();
}
