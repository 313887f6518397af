using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>
/// Images a hostile writer could make, built with pycdlib (a writer nobody here wrote) and then patched:
/// a Joliet name pycdlib would refuse is recorded first as a placeholder of the same length, and its
/// UCS-2 big-endian bytes are then overwritten in the directory record.
/// </summary>
internal static class HostileImage
{
    /// <summary>Builds /aaa.txt, /docs/good.txt and one file per extra Joliet name, each with a small text.</summary>
    private const string Script = """
        import io, sys
        try:
            import pycdlib
        except ImportError:
            print("pycdlib not found: apt-get install python3-pycdlib", file=sys.stderr)
            sys.exit(3)
        out = sys.argv[1]
        iso = pycdlib.PyCdlib()
        iso.new(joliet=3, vol_ident='HOSTILE')
        iso.add_fp(io.BytesIO(b'first'), 5, '/AAA.TXT;1', joliet_path='/aaa.txt')
        iso.add_directory('/DOCS', joliet_path='/docs')
        iso.add_fp(io.BytesIO(b'good'), 4, '/DOCS/GOOD.TXT;1', joliet_path='/docs/good.txt')
        for i, name in enumerate(sys.argv[2:]):
            data = ('file %d' % i).encode()
            iso.add_fp(io.BytesIO(data), len(data), '/FILE%d.;1' % i, joliet_path='/' + name)
        iso.write(out)
        iso.close()
        """;

    /// <summary>Offsets in a directory record (ECMA-119 9.1): extent and data length are both-byte-order.</summary>
    private const int ExtentField = 2;
    private const int LengthField = 10;
    private const int IdentifierLengthField = 32;
    private const int IdentifierField = 33;

    /// <summary>An image whose Joliet tree holds a file named <paramref name="jolietName"/> beside /aaa.txt and /docs/good.txt.</summary>
    public static void Create(string path, string jolietName)
    {
        var placeholder = new string('q', jolietName.Length);
        ExternalTool.Python.RunChecked(["-c", Script, path, placeholder]);
        var image = File.ReadAllBytes(path);
        var at = FindIdentifier(image, placeholder);
        Encoding.BigEndianUnicode.GetBytes(jolietName).CopyTo(image, at);
        File.WriteAllBytes(path, image);
    }

    /// <summary>An image whose Joliet record of /aaa.txt says its data starts at block <paramref name="extent"/> or is <paramref name="length"/> bytes long.</summary>
    public static void CreateWithBadFile(string path, uint? extent, uint? length)
    {
        ExternalTool.Python.RunChecked(["-c", Script, path]);
        var image = File.ReadAllBytes(path);
        var record = FindIdentifier(image, "aaa.txt") - IdentifierField;
        Assert.True(image[record + IdentifierLengthField] >= 14 && image[record] >= IdentifierField + image[record + IdentifierLengthField], "the bytes before 'aaa.txt' are not its directory record");
        if (extent is { } block)
        {
            WriteBothByteOrders(image.AsSpan(record + ExtentField), block);
        }

        if (length is { } bytes)
        {
            WriteBothByteOrders(image.AsSpan(record + LengthField), bytes);
        }

        File.WriteAllBytes(path, image);
    }

    /// <summary>Where the only Joliet identifier starting with <paramref name="name"/> lies in the image.</summary>
    private static int FindIdentifier(byte[] image, string name)
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes(name);
        var first = image.AsSpan().IndexOf(bytes);
        Assert.True(first > 0, $"'{name}' is not in the image pycdlib wrote");
        Assert.True(image.AsSpan(first + 1).IndexOf(bytes) < 0, $"'{name}' is in the image more than once");
        return first;
    }

    private static void WriteBothByteOrders(Span<byte> field, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(field, value);
        BinaryPrimitives.WriteUInt32BigEndian(field[4..], value);
    }
}
