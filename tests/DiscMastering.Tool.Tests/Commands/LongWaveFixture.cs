using DiscMastering.Imapi.Tests.Redbook;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>One 40-minute WAV of silence made by sox, shared by the tests that need a long disc.</summary>
public sealed class LongWaveFixture : IDisposable
{
    private readonly TempDirectory _temp = new("dm-long-wave-");

    public LongWaveFixture()
    {
        Path = _temp.Combine("forty-minutes.wav");
        ExternalTool.Sox.RunChecked(["-n", "-r", "44100", "-b", "16", "-c", "2", Path, "trim", "0", "2400"]);
    }

    public string Path { get; }

    public void Dispose() => _temp.Dispose();
}
