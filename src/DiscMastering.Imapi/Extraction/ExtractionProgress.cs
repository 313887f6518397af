namespace DiscMastering.Imapi.Extraction;

/// <summary>How far an extraction has come.</summary>
/// <param name="BytesDone">File bytes written so far.</param>
/// <param name="BytesTotal">The bytes of every file to extract.</param>
/// <param name="FilesDone">Files written so far.</param>
/// <param name="FilesTotal">Files to extract.</param>
public readonly record struct ExtractionProgress(long BytesDone, long BytesTotal, int FilesDone, int FilesTotal);
