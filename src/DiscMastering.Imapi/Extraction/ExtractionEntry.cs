using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Extraction;

/// <summary>
/// One file or folder of the tree being extracted, linked to its parent so its path is built from names as
/// recorded, never by splitting a path string a hostile name could have put a separator in.
/// </summary>
internal sealed class ExtractionEntry
{
    public ExtractionEntry(IsoEntry source, ExtractionEntry? parent)
    {
        Source = source;
        Parent = parent;
        Segments = parent is null ? [source.Name] : [.. parent.Segments, source.Name];
    }

    public IsoEntry Source { get; }

    public ExtractionEntry? Parent { get; }

    /// <summary>The names from the root down to this entry.</summary>
    public string[] Segments { get; }

    public string Name => Source.Name;

    public bool IsDirectory => Source.IsDirectory;

    public DateTimeOffset Modified => Source.Modified;

    /// <summary>Unix permissions, when the tree records them (Rock Ridge's PX); the primary and Joliet trees do not.</summary>
    public UnixFileMode? Mode => Source.Posix?.Permissions;

    /// <summary>The path on the disc for messages, control characters shown as escapes so a name cannot rewrite the terminal.</summary>
    public string DisplayPath => "/" + string.Join('/', Segments.Select(ExtractionNames.Display));

    /// <summary>The full path below <paramref name="target"/>; only meaningful once every segment has passed <see cref="ExtractionNames.Problem"/>.</summary>
    public string TargetPath(string target) => Path.Combine([target, .. Segments]);
}
