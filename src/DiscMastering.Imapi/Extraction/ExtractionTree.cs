namespace DiscMastering.Imapi.Extraction;

/// <summary>
/// The directory hierarchy of an image whose names an extraction uses. Richer trees (Rock Ridge, UDF) come
/// before Joliet in <see cref="ImageExtractor.RichestTree"/> once the reader reads them.
/// </summary>
public enum ExtractionTree
{
    /// <summary>The primary ISO 9660 tree: upper-case 8.3-style names, without their ";1" version.</summary>
    Primary,

    /// <summary>The Joliet tree: the long Unicode names Windows shows.</summary>
    Joliet,
}
