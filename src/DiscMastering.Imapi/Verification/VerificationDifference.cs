namespace DiscMastering.Imapi.Verification;

/// <summary>A file on the image whose content or size differs from its source.</summary>
/// <param name="Path">The path in <paramref name="Tree"/>.</param>
/// <param name="Tree">The tree it was found in; a difference of several trees names the first.</param>
/// <param name="Offset">The first byte that differs; for files equal up to the shorter length, that length.</param>
/// <param name="ExpectedSize">The source file's size.</param>
/// <param name="ActualSize">The file's size on the image.</param>
public sealed record VerificationDifference(string Path, string Tree, long Offset, long ExpectedSize, long ActualSize);
