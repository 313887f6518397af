namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>Recorders on Linux through the system's libburn (Debian package libburn4).</summary>
internal sealed class LibburnBackend
{
    public static IRecorderBackend Open() =>
        throw new DiscMasteringException(DiscMasteringError.RecordingUnavailable, "recording needs libburn; install it with: sudo apt-get install libburn4");
}
