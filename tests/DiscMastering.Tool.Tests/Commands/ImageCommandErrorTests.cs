using System.Diagnostics;
using System.Net.Sockets;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>Every bad input is a coded error, a non-zero exit, no stack trace, and nothing lost.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ImageCommandErrorTests : IDisposable
{
    private readonly TempTree _tree = new();

    public ImageCommandErrorTests()
        : this(Discmaster.Managed)
    {
    }

    protected ImageCommandErrorTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void MissingSourceFolder()
    {
        var missing = Path.Combine(_tree.Root, "missing");

        var run = Discmaster.Run("image", missing, "-o", _tree.Image);

        run.AssertFailedWith("DM1001");
        Assert.Contains(missing, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Theory]
    [InlineData("a:b.txt")]
    [InlineData("what?.txt")]
    [InlineData("star*.txt")]
    [InlineData("semi;colon")]
    [InlineData("back\\slash")]
    [InlineData("tab\tname")]
    public void NameJolietCannotHold(string name)
    {
        _tree.File(name);

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image);

        run.AssertFailedWith("DM2001");
        Assert.Contains(Path.Combine(_tree.Source, name).Replace("\t", "\t", StringComparison.Ordinal), run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void NameOver64CharactersUnlessJolietLong()
    {
        var name = new string('n', 96) + ".txt";
        _tree.File(name);

        var refused = Discmaster.Run("image", _tree.Source, "-o", _tree.Image);
        refused.AssertFailedWith("DM2002");
        Assert.Contains("--joliet-long", refused.Error);
        Assert.Empty(_tree.OutputFiles());

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--joliet-long").AssertSucceeded();
        Assert.Contains("/" + name, ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-J", "-f"]).StdOut);
    }

    [Fact]
    public void FifoInTheTreeIsRefusedWithoutHanging()
    {
        _tree.File("a.txt");
        ExternalTool.MakeFifo.RunChecked([Path.Combine(_tree.Source, "pipe")]);

        var run = Discmaster.Run(["image", _tree.Source, "-o", _tree.Image], null, TimeSpan.FromSeconds(30));

        run.AssertFailedWith("DM2003");
        Assert.Contains(Path.Combine(_tree.Source, "pipe"), run.Error);
    }

    [Fact]
    public void SocketInTheTree()
    {
        var path = Path.Combine(_tree.Source, "control.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image);

        run.AssertFailedWith("DM2003");
        Assert.Contains(path, run.Error);
    }

    [Fact]
    public void DeviceGraftedIn()
    {
        var run = Discmaster.Run("image", _tree.Source, "dev/null=/dev/null", "-o", _tree.Image);

        run.AssertFailedWith("DM2003");
        Assert.Contains("/dev/null", run.Error);
    }

    [Fact]
    public void SymbolicLinkLoop()
    {
        _tree.File("sub/a.txt");
        var link = Path.Combine(_tree.Source, "sub", "back");
        Directory.CreateSymbolicLink(link, _tree.Source);

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image);

        run.AssertFailedWith("DM2004");
        Assert.Contains(link, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void SymbolicLinksAreFollowed()
    {
        var outside = Path.Combine(_tree.Root, "outside.txt");
        File.WriteAllText(outside, "target content");
        File.CreateSymbolicLink(Path.Combine(_tree.Source, "link.txt"), outside);

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image).AssertSucceeded();

        Assert.Equal("target content", ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-J", "-x", "/link.txt"]).StdOut);
    }

    [Fact]
    public void UnreadableFile()
    {
        // Root reads every file whatever its mode, so the tool runs as 'nobody' when the tests run as root.
        var shared = Directory.CreateTempSubdirectory("dm-unreadable-").FullName;
        try
        {
            File.SetUnixFileMode(shared, (UnixFileMode)0b111_111_111);
            var source = Path.Combine(shared, "source");
            Directory.CreateDirectory(source);
            File.SetUnixFileMode(source, (UnixFileMode)0b111_101_101);
            var secret = Path.Combine(source, "secret.txt");
            File.WriteAllText(secret, "secret");
            File.SetUnixFileMode(secret, UnixFileMode.None);
            var image = Path.Combine(shared, "out", "disc.iso");

            var run = RunAsUnprivileged("image", source, "-o", image);

            run.AssertFailedWith("DM2005");
            Assert.Contains(secret, run.Error);
            Assert.False(Directory.Exists(Path.Combine(shared, "out")) && Directory.EnumerateFiles(Path.Combine(shared, "out")).Any());
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public async Task FileThatChangesSizeWhileWritten()
    {
        var growing = _tree.File("growing.log", "start");

        // The tool's scan records the size with stat; every later open of the file (Rock Ridge's look at its
        // first bytes, then the write) comes after. The first is held while the file grows, so the size the
        // write reads differs from the size recorded however fast the tool is; later opens pass unheld.
        using var append = new FileStream(growing, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        Task<ToolRun> tool;
        using (var gate = OpenGate.Watch(growing))
        {
            tool = Task.Run(() => Discmaster.Run("image", _tree.Source, "-o", _tree.Image));
            using (gate.WaitForOpen(TimeSpan.FromSeconds(60)))
            {
                append.Write("more"u8);
                append.Flush();
            }
        }

        var run = await tool;

        run.AssertFailedWith("DM2006");
        Assert.Contains(growing, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void OutputFolderThatCannotBeCreated()
    {
        _tree.File("a.txt");
        var blocker = Path.Combine(_tree.Root, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var image = Path.Combine(blocker, "sub", "disc.iso");

        var run = Discmaster.Run("image", _tree.Source, "-o", image);

        run.AssertFailedWith("DM1005");
        Assert.Contains(blocker, run.Error);
    }

    [Fact]
    public void OutputThatIsAFolder()
    {
        _tree.File("a.txt");
        Directory.CreateDirectory(_tree.Output);

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Output);

        run.AssertFailedWith("DM1005");
        Assert.Contains("is a folder", run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void ImageInsideTheSourceFolder()
    {
        _tree.File("a.txt");

        var run = Discmaster.Run("image", _tree.Source, "-o", Path.Combine(_tree.Source, "self.iso"));

        run.AssertFailedWith("DM1004");
        Assert.Equal(["a.txt"], Directory.GetFiles(_tree.Source).Select(Path.GetFileName));
    }

    [Fact]
    public void ImageInsideARootSource()
    {
        // The root already ends with its separator; the check happens before any scan, so this fails at once.
        var run = Discmaster.Run("image", "/", "-o", _tree.Image);

        run.AssertFailedWith("DM1004");
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void OverMediaCapacityFailsBeforeWritingAndKeepsTheOldImage()
    {
        var payload = new byte[3 << 20];
        new Random(1).NextBytes(payload);
        File.WriteAllBytes(Path.Combine(_tree.Source, "payload.bin"), payload);
        Directory.CreateDirectory(_tree.Output);
        File.WriteAllText(_tree.Image, "the previous image");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--media", "2M");

        run.AssertFailedWith("DM2008");
        Assert.Contains("exceeds the capacity by", run.Error);
        Assert.Equal("the previous image", File.ReadAllText(_tree.Image));
        Assert.Equal(["disc.iso"], _tree.OutputFiles());
    }

    [Fact]
    public void UnknownMedia()
    {
        _tree.File("a.txt");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--media", "floppy");

        run.AssertFailedWith("DM1003");
        Assert.Contains("cd74", run.Error);
    }

    [Fact]
    public void VolumeLabelOver16Characters()
    {
        _tree.File("a.txt");

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--volume-label", "A_VERY_LONG_VOLUME_LABEL").AssertFailedWith("DM1007");
    }

    [Fact]
    public void UnknownOptionAndMissingOutput()
    {
        Discmaster.Run("image", _tree.Source, "--frobnicate").AssertFailedWith("DM1000");
        Discmaster.Run("image", _tree.Source).AssertFailedWith("DM1000");
    }

    [Fact]
    public void CancellingLeavesNoImageOrTemporaryFile()
    {
        // A sparse 4 GiB - 1 source costs no disk, but takes the writer long enough to be stopped midway.
        using (var big = File.Create(Path.Combine(_tree.Source, "big.bin")))
        {
            big.SetLength(uint.MaxValue);
        }

        using var process = Discmaster.Start(["image", _tree.Source, "-o", _tree.Image, "--progress", "json"]);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.Contains("\"writing\"", StringComparison.Ordinal))
        {
        }

        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the tool did not stop after SIGTERM");

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("error DM1008", error);
        Assert.Empty(_tree.OutputFiles());
    }

    private ToolRun RunAsUnprivileged(params string[] args)
    {
        if (Environment.UserName != "root")
        {
            return Discmaster.Run(args);
        }

        return Discmaster.Run(args, new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = Path.GetTempPath(), ["HOME"] = Path.GetTempPath() }, wrapper: ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
    }
}
