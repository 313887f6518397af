namespace DiscMastering.Imapi.Udf;

/// <summary>The Terminating Descriptor (ECMA-167 3/10.9): ends a volume descriptor sequence or the integrity sequence.</summary>
internal static class TerminatingDescriptor
{
    public const int Length = 512;

    public static void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        DescriptorTag.Write(descriptor, TagIdentifier.TerminatingDescriptor, location);
    }
}
