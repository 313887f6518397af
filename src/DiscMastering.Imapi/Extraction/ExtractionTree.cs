namespace DiscMastering.Imapi.Extraction;

/// <summary>
/// The directory hierarchy of an image whose names an extraction uses; <see cref="ImageExtractor.RichestTree"/>
/// picks Joliet's, then Rock Ridge's, then the primary tree.
/// </summary>
public enum ExtractionTree
{
    /// <summary>The primary ISO 9660 tree: upper-case 8.3-style names, without their ";1" version.</summary>
    Primary,

    /// <summary>The Joliet tree: the long Unicode names Windows shows.</summary>
    Joliet,

    /// <summary>The Rock Ridge tree: POSIX names, modes and symbolic links, deep folders in their place.</summary>
    RockRidge,
}
