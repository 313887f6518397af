using System.Net.Sockets;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Sources;

/// <summary>
/// What <see cref="DiscTreeBuilder.Build"/> refuses: each refusal carries its code and names the path the
/// user has to fix; all problems of one scan are reported together.
/// </summary>
public sealed class DiscTreeBuilderTests : IDisposable
{
    private static readonly MasteringOptions s_options = new();

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a:b.txt")]
    [InlineData("what?.txt")]
    [InlineData("star*.txt")]
    [InlineData("semi;colon.txt")]
    [InlineData("back\\slash.txt")]
    [InlineData("tab\there.txt")]
    public void NameWithAForbiddenJolietCharacter_IsJolietForbiddenCharacter(string name)
    {
        var source = _temp.CreateDirectory("source");
        var path = Path.Combine(source, name);
        File.WriteAllText(path, "legal on Linux");

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.JolietForbiddenCharacter, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithAForbiddenJolietCharacter_IsJolietForbiddenCharacter()
    {
        var source = _temp.CreateDirectory("source");
        var folder = Directory.CreateDirectory(Path.Combine(source, "12:30")).FullName;
        File.WriteAllText(Path.Combine(folder, "inside.txt"), "x");

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.JolietForbiddenCharacter, e.Error);
        Assert.Contains(folder, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65, false)]
    [InlineData(104, true)]
    [InlineData(200, true)]
    public void NameLongerThanJolietAllows_IsJolietNameTooLong(int length, bool longNames)
    {
        var source = _temp.CreateDirectory("source");
        var path = Path.Combine(source, NameOfLength(length));
        File.WriteAllText(path, "long");

        var e = Assert.Throws<DiscMasteringException>(() => Build(source, new MasteringOptions { JolietLongNames = longNames }));

        Assert.Equal(DiscMasteringError.JolietNameTooLong, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    [InlineData(103, true)]
    public void NameWithinTheLimit_IsAccepted(int length, bool longNames)
    {
        var source = _temp.CreateDirectory("source");
        var name = NameOfLength(length);
        File.WriteAllText(Path.Combine(source, name), "fits");

        var tree = Build(source, new MasteringOptions { JolietLongNames = longNames });

        Assert.Equal("/" + name, Assert.Single(tree.Files).DiscPath);
    }

    [Fact]
    public void Fifo_IsSpecialFile_NamingIt()
    {
        var source = _temp.CreateDirectory("source");
        var fifo = Path.Combine(source, "pipe");
        var result = ExternalTool.MakeFifo.RunChecked([fifo]);
        Assert.Equal(0, result.ExitCode);

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SpecialFile, e.Error);
        Assert.Contains(fifo, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnixSocket_IsSpecialFile_NamingIt()
    {
        var source = _temp.CreateDirectory("source");
        var path = Path.Combine(source, "listening.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SpecialFile, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderLinkToAnAncestor_IsSymbolicLinkLoop_NamingTheLink()
    {
        var source = _temp.CreateDirectory("source");
        var sub = Directory.CreateDirectory(Path.Combine(source, "sub", "deeper")).FullName;
        File.WriteAllText(Path.Combine(sub, "file.txt"), "x");
        var link = Path.Combine(sub, "back-to-source");
        Directory.CreateSymbolicLink(link, source);

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SymbolicLinkLoop, e.Error);
        Assert.Contains(link, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderLinkToItsOwnParent_IsSymbolicLinkLoop_NamingTheLink()
    {
        var source = _temp.CreateDirectory("source");
        var sub = Directory.CreateDirectory(Path.Combine(source, "sub")).FullName;
        var link = Path.Combine(sub, "up");
        Directory.CreateSymbolicLink(link, sub);

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SymbolicLinkLoop, e.Error);
        Assert.Contains(link, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainOfLinksBackToItself_IsSymbolicLinkLoop_NamingBothLinks()
    {
        var source = _temp.CreateDirectory("source");
        var a = Path.Combine(source, "a");
        var b = Path.Combine(source, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SymbolicLinkLoop, e.Error);
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Equal(DiscMasteringError.SymbolicLinkLoop, p.Error));
        Assert.Contains(e.Problems, p => p.Message.Contains(a, StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Message.Contains(b, StringComparison.Ordinal));
    }

    [Fact]
    public void LinkToItself_IsSymbolicLinkLoop()
    {
        var source = _temp.CreateDirectory("source");
        var self = Path.Combine(source, "self");
        File.CreateSymbolicLink(self, self);

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SymbolicLinkLoop, e.Error);
        Assert.Contains(self, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DanglingLink_IsSourceNotFound_NamingTheLink()
    {
        var source = _temp.CreateDirectory("source");
        var link = Path.Combine(source, "dangling");
        File.CreateSymbolicLink(link, Path.Combine(source, "nowhere"));

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.SourceNotFound, e.Error);
        Assert.Contains(link, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkToAFileElsewhere_PutsTheTargetsContentOnTheDisc()
    {
        var source = _temp.CreateDirectory("source");
        var target = _temp.WriteFile("elsewhere/real.txt", "real content");
        File.CreateSymbolicLink(Path.Combine(source, "link.txt"), target);

        var file = Assert.Single(Build(source).Files);

        Assert.Equal("/link.txt", file.DiscPath);
        Assert.Equal("real content".Length, file.Length);
    }

    [Fact]
    public void MissingSource_IsSourceNotFound_NamingThePath()
    {
        var missing = _temp.Combine("not-there");

        var e = Assert.Throws<DiscMasteringException>(() => Build(missing));

        Assert.Equal(DiscMasteringError.SourceNotFound, e.Error);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOverFourGibibytes_IsFileTooLarge_NamingIt()
    {
        var source = _temp.CreateDirectory("source");
        var path = Path.Combine(source, "huge.bin");
        using (var stream = File.Create(path))
        {
            stream.SetLength(uint.MaxValue + 1L);
        }

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(DiscMasteringError.FileTooLarge, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOfFourGibibytesLessOneByte_IsAccepted()
    {
        var source = _temp.CreateDirectory("source");
        using (var stream = File.Create(Path.Combine(source, "largest.bin")))
        {
            stream.SetLength(uint.MaxValue);
        }

        Assert.Equal(uint.MaxValue, Assert.Single(Build(source).Files).Length);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedInOneGo()
    {
        var source = _temp.CreateDirectory("source");
        var colon = _temp.WriteFile("source/a:b.txt", "x");
        var tooLong = _temp.WriteFile("source/" + NameOfLength(65), "x");
        var fifo = Path.Combine(source, "pipe");
        ExternalTool.MakeFifo.RunChecked([fifo]);
        File.WriteAllText(Path.Combine(source, "fine.txt"), "fine");

        var e = Assert.Throws<DiscMasteringException>(() => Build(source));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Error == DiscMasteringError.JolietForbiddenCharacter && p.Message.Contains(colon, StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Error == DiscMasteringError.JolietNameTooLong && p.Message.Contains(tooLong, StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Error == DiscMasteringError.SpecialFile && p.Message.Contains(fifo, StringComparison.Ordinal));
    }

    [Fact]
    public void IsoNames_DoNotDependOnCreationOrder()
    {
        string[] names = ["readme.txt", "Readme.TXT", "verylongname-two.txt", "verylongname-one.txt", "DATA", "b_c.txt", "b-c.txt"];
        var forward = _temp.CreateDirectory("forward");
        var backward = _temp.CreateDirectory("backward");
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(forward, name), name);
        }

        Directory.CreateDirectory(Path.Combine(forward, "data"));
        Directory.CreateDirectory(Path.Combine(backward, "data"));
        foreach (var name in names.Reverse())
        {
            File.WriteAllText(Path.Combine(backward, name), name);
        }

        static List<string> Mapping(DiscTree tree) => tree.Root.Children.Select(c => $"{c.Name} -> {c.IsoName}").ToList();
        var first = Mapping(Build(forward));

        Assert.Equal(first, Mapping(Build(backward)));
        Assert.Contains("Readme.TXT -> README.TXT", first);
        Assert.Contains("readme.txt -> README_1.TXT", first);
        Assert.Contains("verylongname-one.txt -> VERYLONG.TXT", first);
        Assert.Contains("verylongname-two.txt -> VERYLO_1.TXT", first);
        Assert.Equal(first.Count, Build(forward).Root.Children.Select(c => c.IsoName).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void GraftPoints_PlaceSourcesUnderTheirDiscPath()
    {
        var docs = _temp.CreateDirectory("docs");
        File.WriteAllText(Path.Combine(docs, "guide.txt"), "guide");
        var single = _temp.WriteFile("readme.md", "readme");

        var tree = DiscTreeBuilder.Build([new DiscSource("manual/en", docs), new DiscSource("", single)], s_options);

        Assert.Equal(["/manual/en/guide.txt", "/readme.md"], tree.Files.Select(f => f.DiscPath).Order(StringComparer.Ordinal));
    }

    private static DiscTree Build(string source, MasteringOptions? options = null) =>
        DiscTreeBuilder.Build([new DiscSource("", source)], options ?? s_options);

    private static string NameOfLength(int length) => "n" + new string('x', length - 5) + ".txt";
}
