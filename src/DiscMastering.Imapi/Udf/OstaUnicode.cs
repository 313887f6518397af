using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// OSTA Compressed Unicode (UDF 1.02 2.1.1): a compression ID byte, then the characters, one byte each
/// (ID 8) when every one is below U+0100, else two bytes each, big-endian (ID 16). Names in File
/// Identifier Descriptors are such d-characters; fixed fields are dstrings (ECMA-167 1/7.2.12), whose last
/// byte holds the length used.
/// </summary>
internal static class OstaUnicode
{
    public const byte Compression8 = 8;
    public const byte Compression16 = 16;

    /// <summary>UDF 2.50 marks deleted names with 254 and 255, meaning 8 and 16 (UDF 2.50 2.1.1); readers meet them in others' images.</summary>
    private const byte DeletedCompression8 = 254;
    private const byte DeletedCompression16 = 255;

    /// <summary>The bytes <paramref name="text"/> takes, compression ID included.</summary>
    public static int EncodedLength(ReadOnlySpan<char> text) => 1 + (text.Length * (NeedsSixteenBits(text) ? 2 : 1));

    /// <summary>Encodes <paramref name="text"/> with its ID into <paramref name="destination"/>; returns the bytes written. Empty text writes nothing.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (NeedsSixteenBits(text))
        {
            destination[0] = Compression16;
            for (var i = 0; i < text.Length; i++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(destination[(1 + (2 * i))..], text[i]);
            }

            return 1 + (2 * text.Length);
        }

        destination[0] = Compression8;
        for (var i = 0; i < text.Length; i++)
        {
            destination[1 + i] = (byte)text[i];
        }

        return 1 + text.Length;
    }

    /// <summary>Decodes d-characters with their compression ID; null when the ID is unknown or 16-bit data has an odd length.</summary>
    public static string? Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return "";
        }

        var data = encoded[1..];
        switch (encoded[0])
        {
            case Compression8 or DeletedCompression8:
                return string.Create(data.Length, data.ToArray(), static (chars, bytes) =>
                {
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        chars[i] = (char)bytes[i];
                    }
                });
            case Compression16 or DeletedCompression16 when data.Length % 2 == 0:
                return string.Create(data.Length / 2, data.ToArray(), static (chars, bytes) =>
                {
                    for (var i = 0; i < chars.Length; i++)
                    {
                        chars[i] = (char)BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2 * i));
                    }
                });
            default:
                return null;
        }
    }

    /// <summary>
    /// Writes a dstring of <paramref name="destination"/>'s length: the encoded text, cut at a whole character
    /// (never inside a surrogate pair) to fit, zero padding, and the used length in the last byte. Empty text
    /// leaves the field all zeros (1/7.2.12).
    /// </summary>
    public static void WriteDString(Span<byte> destination, ReadOnlySpan<char> text)
    {
        destination.Clear();
        var room = destination.Length - 2;
        var perCharacter = NeedsSixteenBits(text) ? 2 : 1;
        var fits = Math.Min(text.Length, room / perCharacter);
        if (fits < text.Length && fits > 0 && char.IsHighSurrogate(text[fits - 1]))
        {
            fits--;
        }

        var written = Encode(text[..fits], destination);
        destination[^1] = (byte)written;
    }

    /// <summary>Reads a dstring; null when its length byte or compression ID is not valid.</summary>
    public static string? ReadDString(ReadOnlySpan<byte> field)
    {
        var used = field[^1];
        if (used == 0)
        {
            return "";
        }

        return used > field.Length - 1 ? null : Decode(field[..used]);
    }

    private static bool NeedsSixteenBits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                return true;
            }
        }

        return false;
    }
}
