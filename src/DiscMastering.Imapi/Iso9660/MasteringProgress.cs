namespace DiscMastering.Imapi.Iso9660;

/// <summary>The stage mastering is in.</summary>
public enum MasteringPhase
{
    /// <summary>Reading the source folders.</summary>
    Scanning,

    /// <summary>Placing every structure on its block.</summary>
    Layout,

    /// <summary>Writing blocks to the image.</summary>
    Writing,
}

/// <summary>How far mastering has come.</summary>
/// <param name="Phase">The current stage.</param>
/// <param name="BytesDone">Image bytes written so far.</param>
/// <param name="BytesTotal">The image's size; 0 until the layout is known.</param>
/// <param name="FilesDone">Files written so far.</param>
/// <param name="FilesTotal">Files in the image; 0 until the tree is scanned.</param>
public readonly record struct MasteringProgress(MasteringPhase Phase, long BytesDone, long BytesTotal, int FilesDone, int FilesTotal);
