using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// libburn's process-wide state: burn_initialize once for as long as any backend lives (reference counted,
/// burn_finish with the last), and the single drive this process holds at a time. libburn refuses to scan while
/// a drive is held, and one held drive is all a recording needs.
/// </summary>
internal static class LibburnRuntime
{
    private static readonly Lock s_gate = new();
    private static int s_users;
    private static string? s_heldBy;

    /// <summary>"libburn" with the version of the loaded library, such as "libburn 1.5.4".</summary>
    public static string Name
    {
        get
        {
            LibburnInterop.Version(out var major, out var minor, out var micro);
            return FormattableString.Invariant($"libburn {major}.{minor}.{micro}");
        }
    }

    /// <summary>Loads and starts libburn for one more user.</summary>
    public static void Acquire()
    {
        LibburnLibrary.Load();
        lock (s_gate)
        {
            if (s_users == 0)
            {
                if (LibburnInterop.Initialize() == 0)
                {
                    var why = LibburnMessages.Explain(LibburnMessages.Drain());
                    throw new DiscMasteringException(
                        DiscMasteringError.RecordingUnavailable,
                        $"libburn could not start ({why}); check that the system's libburn4 package is intact, or reinstall it with: sudo apt-get install --reinstall libburn4");
                }

                // Queue messages for the exceptions and print none: a library must not write to the tool's stderr.
                LibburnInterop.MessagesSetSeverities(LibburnMessages.QueueSeverity, "NEVER", "libburn: ");

                // Exclusive, non-blocking, and never abort the process on a busy drive: a busy drive is an error to report.
                LibburnInterop.PresetDeviceOpen(LibburnInterop.ExclusiveWithLock, blocking: 0, abortOnBusy: 0);
            }

            s_users++;
        }
    }

    /// <summary>One user fewer; the last one shuts libburn down.</summary>
    public static void Release()
    {
        lock (s_gate)
        {
            if (s_users == 0)
            {
                return;
            }

            s_users--;
            if (s_users == 0)
            {
                LibburnInterop.Finish();
            }
        }
    }

    /// <summary>Claims the process's one drive slot for <paramref name="what"/>, or fails with <see cref="DiscMasteringError.RecorderBusy"/>.</summary>
    public static void BeginHold(string what)
    {
        lock (s_gate)
        {
            if (s_heldBy is not null)
            {
                throw new DiscMasteringException(
                    DiscMasteringError.RecorderBusy,
                    $"{what} has to wait: this program is still using {s_heldBy}; let that operation finish (or dispose its recorder) and try again.");
            }

            s_heldBy = what;
        }
    }

    /// <summary>Gives the drive slot back.</summary>
    public static void EndHold()
    {
        lock (s_gate)
        {
            s_heldBy = null;
        }
    }
}
