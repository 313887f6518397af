namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>The reader's failures, one method each, so every message names the image the same way.</summary>
internal static class IsoReadErrors
{
    public static DiscMasteringException TooShort(string imagePath, long length) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' is {length:N0} bytes, too short for an ISO 9660 image (its volume descriptors start at byte {IsoConstants.SystemAreaBlocks * IsoConstants.BlockSize:N0}); it is not an ISO 9660 image, or it is truncated.");

    public static DiscMasteringException NoDescriptor(string imagePath) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' has no ISO 9660 primary volume descriptor at block {IsoConstants.SystemAreaBlocks}; it is not an ISO 9660 image.");

    public static DiscMasteringException NoPrimary(string imagePath) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' has ISO 9660 volume descriptors but no primary volume descriptor among them; it is not a usable ISO 9660 image.");

    public static DiscMasteringException Truncated(string imagePath, long volumeBytes, long fileBytes) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' is truncated: its volume holds {volumeBytes:N0} bytes but the file has {fileBytes:N0}; copy or download it again.");

    public static DiscMasteringException Damaged(string imagePath, string detail) =>
        new(DiscMasteringError.InvalidImage, $"'{imagePath}' is damaged: {detail}; it cannot be read as an ISO 9660 image.");

    public static DiscMasteringException RockRidgeDamaged(string imagePath, string detail) =>
        new(DiscMasteringError.DamagedRockRidge, $"'{imagePath}' has damaged Rock Ridge data: {detail}; read its Joliet or primary tree instead (inspect --joliet or --primary, extract --primary).");

    public static DiscMasteringException RockRidgeLoop(string imagePath, string detail) =>
        new(DiscMasteringError.RockRidgeContinuationLoop, $"'{imagePath}' has damaged Rock Ridge data: {detail}; read its Joliet or primary tree instead (inspect --joliet or --primary, extract --primary).");

    public static DiscMasteringException BootCatalogDamaged(string imagePath, string detail) =>
        new(DiscMasteringError.DamagedBootCatalog, $"'{imagePath}' has a damaged El Torito boot catalog: {detail}; the image may not boot. Its files can still be read.");

    public static DiscMasteringException PartitionTableDamaged(string imagePath, string detail) =>
        new(DiscMasteringError.DamagedPartitionTable, $"'{imagePath}' has a damaged partition table: {detail}; the image may not boot from a USB stick. Its files can still be read.");
}
