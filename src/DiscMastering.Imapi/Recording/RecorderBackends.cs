namespace DiscMastering.Imapi.Recording;

/// <summary>The one place that decides which recorder library this platform uses.</summary>
internal static class RecorderBackends
{
    public static IRecorderBackend ForThisPlatform()
    {
        if (OperatingSystem.IsLinux())
        {
            return Libburn.LibburnBackend.Open();
        }

        if (OperatingSystem.IsWindows())
        {
            // Where IMAPI's classes are not registered (Wine, stripped editions) this fails with DM5001.
            return Imapi.ImapiBackend.Open();
        }

        throw new DiscMasteringException(
            DiscMasteringError.RecordingUnavailable,
            $"recording is not available on {System.Runtime.InteropServices.RuntimeInformation.OSDescription} yet; master the image with 'dotnet discmaster image' and record it with the system's own tools.");
    }
}
