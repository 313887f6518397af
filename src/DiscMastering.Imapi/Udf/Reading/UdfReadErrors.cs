namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>The UDF reader's failures, one method each, so every message names the image the same way.</summary>
internal static class UdfReadErrors
{
    public static DiscMasteringException NoAnchor(string imagePath) =>
        new(DiscMasteringError.NoUdfVolume, $"'{imagePath}' has no UDF anchor (Anchor Volume Descriptor Pointer) at block 256 or at its last block; it is not a UDF image, or it is truncated. Read its ISO 9660 tree instead.");

    public static DiscMasteringException Damaged(string imagePath, string detail) =>
        new(DiscMasteringError.DamagedUdfImage, $"'{imagePath}' is damaged: {detail}; its UDF tree cannot be read. Copy the image again, or read its ISO 9660 tree.");

    public static DiscMasteringException Unsupported(string imagePath, string detail) =>
        new(DiscMasteringError.UnsupportedUdfImage, $"'{imagePath}' uses {detail}, which this reader does not read; read its ISO 9660 tree, or mount it with the operating system.");
}
