namespace DiscMastering.Imapi.Extraction;

/// <summary>What a finished extraction wrote.</summary>
/// <param name="ImagePath">The image read, as given.</param>
/// <param name="TargetFolder">The target folder's full path.</param>
/// <param name="Tree">The tree whose names were used.</param>
/// <param name="Files">Files written.</param>
/// <param name="Folders">Folders created or brought up to date, the target folder excluded.</param>
/// <param name="Bytes">The files' total size.</param>
/// <param name="Elapsed">Wall time from opening the image to the last folder date.</param>
public sealed record ExtractionSummary(string ImagePath, string TargetFolder, ExtractionTree Tree, int Files, int Folders, long Bytes, TimeSpan Elapsed)
{
    /// <summary>File bytes per second of wall time, in MiB.</summary>
    public double MiBPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1048576.0 / Elapsed.TotalSeconds : 0;
}
