namespace DiscMastering.Imapi.Verification;

/// <summary>A file or folder that is in the sources and not on the image, or on the image and not in the sources.</summary>
/// <param name="Path">
/// The path in <paramref name="Tree"/>, '/'-separated from the root: the source's names in the Joliet tree,
/// the engine's mapped names in the primary tree.
/// </param>
/// <param name="Tree">The tree it was found in ("joliet", "primary"); a finding of several trees names the first.</param>
/// <param name="IsDirectory">True for a folder: what is below it is not listed separately.</param>
public sealed record VerificationEntry(string Path, string Tree, bool IsDirectory)
{
    /// <summary>The path, with a trailing '/' for a folder.</summary>
    public string DisplayPath => IsDirectory ? Path + "/" : Path;
}
