using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI v1's progress callbacks, implemented by the client (imapi.h, Windows SDK; IID EC9E51C1-4E5D-11D3-9144-00104BA11C5E),
/// slots 3-11: QueryCancel, NotifyPnPActivity, NotifyAddProgress, NotifyBlockProgress, NotifyTrackProgress,
/// NotifyPreparingBurn, NotifyClosingDisc, NotifyBurnComplete, NotifyEraseComplete.
/// </summary>
[GeneratedComInterface]
[Guid("EC9E51C1-4E5D-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IDiscMasterProgressEvents
{
    /// <summary><paramref name="pbCancel"/> is MIDL <c>boolean</c>: one byte.</summary>
    [PreserveSig]
    int QueryCancel(byte* pbCancel);

    [PreserveSig]
    int NotifyPnPActivity();

    [PreserveSig]
    int NotifyAddProgress(int nCompletedSteps, int nTotalSteps);

    [PreserveSig]
    int NotifyBlockProgress(int nCompleted, int nTotal);

    [PreserveSig]
    int NotifyTrackProgress(int nCurrentTrack, int nTotalTracks);

    [PreserveSig]
    int NotifyPreparingBurn(int nEstimatedSeconds);

    [PreserveSig]
    int NotifyClosingDisc(int nEstimatedSeconds);

    [PreserveSig]
    int NotifyBurnComplete(int status);

    [PreserveSig]
    int NotifyEraseComplete(int status);
}
