using System.Text;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>Decodes the texts and identifiers of an image: single bytes in the primary volume, UCS-2 big-endian in Joliet's.</summary>
internal static class IsoText
{
    /// <summary>
    /// A descriptor text field without its padding; a Joliet field of odd length loses its last byte. Primary
    /// texts that are valid UTF-8 are read as UTF-8 (genisoimage and others write a label such as 'Café' that
    /// way); any other bytes are read as Latin-1, so a stray byte never fails the read.
    /// </summary>
    public static string DecodeField(ReadOnlySpan<byte> field, bool isJoliet)
    {
        var text = isJoliet ? Encoding.BigEndianUnicode.GetString(field[..(field.Length & ~1)]) : DecodeSingleByteText(field);
        return text.TrimEnd(' ', '\0');
    }

    /// <summary>ASCII reads the same either way; bytes above it that form valid UTF-8 are almost never meant as Latin-1.</summary>
    public static string DecodeSingleByteText(ReadOnlySpan<byte> field) =>
        System.Text.Unicode.Utf8.IsValid(field) ? Encoding.UTF8.GetString(field) : Encoding.Latin1.GetString(field);

    /// <summary>
    /// A file or directory name from its identifier, exactly as recorded (a space that ends a Joliet name is
    /// part of it): only the version (";1") goes, and in the primary volume the '.' that ends a name without
    /// an extension goes too (ECMA-119 7.5.1).
    /// </summary>
    public static string DecodeName(ReadOnlySpan<byte> identifier, bool isJoliet)
    {
        var name = isJoliet ? Encoding.BigEndianUnicode.GetString(identifier[..(identifier.Length & ~1)]) : DecodeSingleByteText(identifier);
        name = StripVersion(name);
        return !isJoliet && name.Length > 1 && name.EndsWith('.') ? name[..^1] : name;
    }

    /// <summary>Removes ";" and the version digits after it, if the name ends that way.</summary>
    private static string StripVersion(string name)
    {
        var semicolon = name.LastIndexOf(';');
        if (semicolon < 0)
        {
            return name;
        }

        for (var i = semicolon + 1; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]))
            {
                return name;
            }
        }

        return name[..semicolon];
    }
}
