using System.Text;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The 64-byte character set specification (ECMA-167 1/7.2.1). UDF records every one as CS0 with the
/// information "OSTA Compressed Unicode" (UDF 1.02 2.1.2).
/// </summary>
internal static class CharSpec
{
    public const int Length = 64;

    private const string OstaCompressedUnicode = "OSTA Compressed Unicode";

    public static void WriteOstaCompressedUnicode(Span<byte> destination)
    {
        destination[..Length].Clear();
        destination[0] = 0; // CS0, 1/7.2.2
        Encoding.ASCII.GetBytes(OstaCompressedUnicode, destination[1..]);
    }
}
