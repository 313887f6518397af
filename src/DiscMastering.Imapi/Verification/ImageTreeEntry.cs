namespace DiscMastering.Imapi.Verification;

/// <summary>A file or directory of an <see cref="IImageTree"/>.</summary>
/// <param name="Name">The name as the tree records it (empty for the root).</param>
/// <param name="Path">The path from the root, '/'-separated: "/" for the root.</param>
/// <param name="IsDirectory">True for a directory.</param>
/// <param name="Length">Bytes of a file's data (0 for a directory).</param>
/// <param name="DataLocation">
/// Where the data lies in the image (a byte offset), or -1 when the tree cannot say. Trees that share file
/// data (Joliet and primary) give the same location for the same file, so a finding is reported once.
/// </param>
/// <param name="Handle">What the tree needs to list or open the entry again; opaque to everything else.</param>
public sealed record ImageTreeEntry(string Name, string Path, bool IsDirectory, long Length, long DataLocation, object? Handle);
