using DiscMastering.Imapi.Iso9660.Reading.ElTorito;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>What makes an image boot: its El Torito catalog, and the partition tables of a hybrid image.</summary>
public sealed partial class IsoImageReader
{
    /// <summary>
    /// The El Torito boot catalog, or null when the image has no boot record. Fails with
    /// <see cref="DiscMasteringError.DamagedBootCatalog"/> when the catalog is damaged (outside the volume,
    /// a bad validation entry or checksum, counts beyond the entries read).
    /// </summary>
    public BootCatalogInfo? ReadBootCatalog()
    {
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        return BootRecord is { } record ? BootCatalogReader.Read(ReadExactly, _imagePath, Primary, record.CatalogBlock) : null;
    }

    /// <summary>
    /// The MBR and GPT in the image's system area, or null when sector 0 has no MBR signature and sector 1
    /// no GPT header. Fails with <see cref="DiscMasteringError.DamagedPartitionTable"/> when the GPT header
    /// has impossible sizes or counts, or its entries lie beyond the image. CRC mismatches are reported, not thrown.
    /// </summary>
    public PartitionTableInfo? ReadPartitionTable()
    {
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        return PartitionTableReader.Read(ReadExactly, _imagePath, _fileLength);
    }
}
