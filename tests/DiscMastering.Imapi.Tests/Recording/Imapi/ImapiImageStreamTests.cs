using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;
using DiscMastering.Imapi.Tests.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Recording.Imapi;

/// <summary>
/// The window IMAPI2 reads the image through: padded to whole blocks, stopped by its token, and keeping what a progress
/// handler threw apart from what reading the image threw.
/// </summary>
public sealed class ImapiImageStreamTests
{
    [Fact]
    public void Read_PadsTheLastBlock_AndReportsTheBlocksRead()
    {
        var progress = new ListProgress();
        using var window = new ImapiImageStream(new MemoryStream(new byte[3000]), 2, progress);
        var buffer = new byte[8192];

        var read = window.Read(buffer, 0, buffer.Length);

        Assert.Equal(4096, read);
        Assert.Equal(new RecordingProgress(RecordingPhase.Writing, 2, 2, 1, 1), Assert.Single(progress.Reports));
    }

    [Fact]
    public void Read_AfterCancellation_Throws_WithoutReading()
    {
        using var cancellation = new CancellationTokenSource();
        var image = new MemoryStream(new byte[4096]);
        using var window = new ImapiImageStream(image, 2, new ListProgress(), cancellationToken: cancellation.Token);
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => window.Read(new byte[2048], 0, 2048));
        Assert.Equal(0, window.Position);
        Assert.Null(window.Failure);
    }

    [Fact]
    public void Read_WhenTheProgressHandlerThrows_KeepsItApartFromImageFailures_AndStopsReading()
    {
        var thrown = new InvalidOperationException("display");
        using var window = new ImapiImageStream(new MemoryStream(new byte[4096]), 2, new ListProgress(_ => throw thrown));

        Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => window.Read(new byte[2048], 0, 2048)));
        Assert.Throws<InvalidOperationException>(() => window.Read(new byte[2048], 0, 2048));
        Assert.Same(thrown, window.ProgressFailure);
        Assert.Null(window.Failure);
    }
}
