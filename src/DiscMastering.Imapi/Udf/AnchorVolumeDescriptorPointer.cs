namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The Anchor Volume Descriptor Pointer (ECMA-167 3/10.2): at sector 256 and at the volume's last sector
/// (3/8.4.2.1, UDF 1.02 2.2.3), it points at the main and reserve volume descriptor sequences.
/// </summary>
internal sealed class AnchorVolumeDescriptorPointer
{
    public const int Length = 512;

    internal static class FieldLocations
    {
        public const int MainSequence = 16;
        public const int ReserveSequence = 24;
    }

    public required ExtentAd MainSequence { get; init; }

    public required ExtentAd ReserveSequence { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        MainSequence.WriteTo(descriptor[FieldLocations.MainSequence..]);
        ReserveSequence.WriteTo(descriptor[FieldLocations.ReserveSequence..]);
        DescriptorTag.Write(descriptor, TagIdentifier.AnchorVolumeDescriptorPointer, location);
    }

    public static AnchorVolumeDescriptorPointer Read(ReadOnlySpan<byte> descriptor) => new()
    {
        MainSequence = ExtentAd.Read(descriptor[FieldLocations.MainSequence..]),
        ReserveSequence = ExtentAd.Read(descriptor[FieldLocations.ReserveSequence..]),
    };
}
