using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// An IDiscMasterProgressEvents sink (imapi.h): QueryCancel (3), NotifyPnPActivity (4), NotifyAddProgress (5),
/// NotifyBlockProgress (6), NotifyTrackProgress (7), NotifyPreparingBurn (8), NotifyClosingDisc (9),
/// NotifyBurnComplete (10), NotifyEraseComplete (11). It counts the calls and can ask to cancel.
/// </summary>
internal sealed unsafe class ManagedProgressSink : ManagedComObject
{
    private static readonly nint* s_vtable = CreateSinkVtable();

    private readonly ConcurrentDictionary<string, int> _calls = new();

    internal ManagedProgressSink()
        : base(s_vtable)
    {
    }

    /// <summary>QueryCancel answers "cancel" from this call on (1 for the first); 0 never.</summary>
    internal int CancelAtQuery { get; set; }

    /// <summary>The status NotifyBurnComplete last gave.</summary>
    internal int? BurnStatus { get; private set; }

    internal int Calls(string method) => _calls.GetValueOrDefault(method);

    protected override bool Answers(Guid iid) => iid == ImapiGuids.IDiscMasterProgressEvents;

    private void Count(string method) => _calls.AddOrUpdate(method, 1, (_, n) => n + 1);

    private static nint* CreateSinkVtable()
    {
        var vtable = CreateVtable(12);
        vtable[3] = (nint)(delegate* unmanaged<nint, byte*, int>)&QueryCancel;
        vtable[4] = (nint)(delegate* unmanaged<nint, int>)&NotifyPnPActivity;
        vtable[5] = (nint)(delegate* unmanaged<nint, int, int, int>)&NotifyAddProgress;
        vtable[6] = (nint)(delegate* unmanaged<nint, int, int, int>)&NotifyBlockProgress;
        vtable[7] = (nint)(delegate* unmanaged<nint, int, int, int>)&NotifyTrackProgress;
        vtable[8] = (nint)(delegate* unmanaged<nint, int, int>)&NotifyPreparingBurn;
        vtable[9] = (nint)(delegate* unmanaged<nint, int, int>)&NotifyClosingDisc;
        vtable[10] = (nint)(delegate* unmanaged<nint, int, int>)&NotifyBurnComplete;
        vtable[11] = (nint)(delegate* unmanaged<nint, int, int>)&NotifyEraseComplete;
        return vtable;
    }

    // boolean (MIDL) is one byte.
    [UnmanagedCallersOnly]
    private static int QueryCancel(nint self, byte* cancel)
    {
        var sink = From<ManagedProgressSink>(self);
        sink.Count(nameof(QueryCancel));
        *cancel = (byte)(sink.CancelAtQuery > 0 && sink.Calls(nameof(QueryCancel)) >= sink.CancelAtQuery ? 1 : 0);
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyPnPActivity(nint self)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyPnPActivity));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyAddProgress(nint self, int completed, int total)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyAddProgress));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyBlockProgress(nint self, int completed, int total)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyBlockProgress));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyTrackProgress(nint self, int current, int total)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyTrackProgress));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyPreparingBurn(nint self, int estimatedSeconds)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyPreparingBurn));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyClosingDisc(nint self, int estimatedSeconds)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyClosingDisc));
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyBurnComplete(nint self, int status)
    {
        var sink = From<ManagedProgressSink>(self);
        sink.Count(nameof(NotifyBurnComplete));
        sink.BurnStatus = status;
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int NotifyEraseComplete(nint self, int status)
    {
        From<ManagedProgressSink>(self).Count(nameof(NotifyEraseComplete));
        return S_OK;
    }
}
