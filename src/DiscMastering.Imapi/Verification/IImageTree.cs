using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Verification;

/// <summary>
/// One directory hierarchy of an image as <see cref="TreeVerifier"/> compares it: the Joliet tree, the
/// primary ISO 9660 tree, and any other a reader learns (Rock Ridge, UDF) by implementing this.
/// </summary>
public interface IImageTree
{
    /// <summary>The tree's name in reports: "joliet", "primary".</summary>
    string Name { get; }

    /// <summary>The root directory.</summary>
    ImageTreeEntry Root { get; }

    /// <summary>The name this tree gives a node of the expected tree: Joliet keeps the source's name, the primary tree the engine's mapped name.</summary>
    string NameOf(DiscNode node);

    /// <summary>The entries of a directory, in recorded order.</summary>
    IEnumerable<ImageTreeEntry> List(ImageTreeEntry directory);

    /// <summary>A stream of a file's data, read from the image as the caller reads it; the caller disposes it.</summary>
    Stream OpenRead(ImageTreeEntry file);
}
