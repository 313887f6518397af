namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>An El Torito boot catalog as read from an image: its validation entry and the images it names.</summary>
/// <param name="CatalogBlock">The catalog's first block.</param>
/// <param name="Platform">The validation entry's platform ID.</param>
/// <param name="IdString">The validation entry's ID string (the manufacturer), without its padding.</param>
/// <param name="Entries">The initial/default entry, then every section entry in catalog order.</param>
public sealed record BootCatalogInfo(uint CatalogBlock, byte Platform, string IdString, IReadOnlyList<BootCatalogEntryInfo> Entries);
