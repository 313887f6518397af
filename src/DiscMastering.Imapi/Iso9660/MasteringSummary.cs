namespace DiscMastering.Imapi.Iso9660;

/// <summary>What a finished mastering run made.</summary>
/// <param name="ImagePath">The image's full path.</param>
/// <param name="Files">Files on the disc.</param>
/// <param name="Folders">Folders on the disc, the root excluded.</param>
/// <param name="FileBytes">The files' total size.</param>
/// <param name="ImageBytes">The image's size.</param>
/// <param name="Elapsed">Wall time from the scan to the rename.</param>
public sealed record MasteringSummary(string ImagePath, int Files, int Folders, long FileBytes, long ImageBytes, TimeSpan Elapsed)
{
    /// <summary>Image bytes per second of wall time, in MiB.</summary>
    public double MiBPerSecond => Elapsed.TotalSeconds > 0 ? ImageBytes / 1048576.0 / Elapsed.TotalSeconds : 0;
}
