namespace DiscMastering.Imapi.Extraction;

/// <summary>What to extract from an image, and how.</summary>
public sealed class ExtractionOptions
{
    /// <summary>
    /// Disc paths ('/'-separated, from the root) to extract, each with everything below it; empty extracts the
    /// whole image. Every path keeps its place below the target folder.
    /// </summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Replace files that already exist in the target folder (atomically, by renaming over them).</summary>
    public bool Overwrite { get; init; }

    /// <summary>The tree whose names are used; null picks the richest the image has (<see cref="ImageExtractor.RichestTree"/>).</summary>
    public ExtractionTree? Tree { get; init; }
}
