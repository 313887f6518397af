namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>The directory hierarchies an image can hold, each with its own names for the same files.</summary>
public enum IsoTree
{
    /// <summary>The primary ISO 9660 tree: upper-case d-character names, without their ";1" version.</summary>
    Primary,

    /// <summary>The Joliet tree: UCS-2 names as Windows shows them.</summary>
    Joliet,

    /// <summary>
    /// The primary tree as Rock Ridge describes it: POSIX names, modes, times and symbolic links, with
    /// relocated deep folders back in their place.
    /// </summary>
    RockRidge,
}
