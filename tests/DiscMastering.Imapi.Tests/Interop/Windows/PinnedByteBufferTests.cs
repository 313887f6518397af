using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary><see cref="PinnedByteBuffer"/>: fixed, zeroed, addressable, shared safely, freed by Dispose.</summary>
public sealed unsafe class PinnedByteBufferTests
{
    [Fact]
    public void NewBuffer_IsZeroedAndAddressable()
    {
        using var buffer = new PinnedByteBuffer(4096);

        Assert.Equal(4096, buffer.Length);
        Assert.NotEqual(0, buffer.Address);
        Assert.All(buffer.ToArray(), b => Assert.Equal(0, b));
        ((byte*)buffer.Address)[4095] = 0x5A;
        Assert.Equal(0x5A, buffer.AsSpan()[4095]);
        Assert.Equal(buffer.Address, buffer.Address);
    }

    [Fact]
    public void Dispose_Twice_IsHarmless_AndTheAddressIsGone()
    {
        var buffer = new PinnedByteBuffer(16);
        buffer.Dispose();
        buffer.Dispose();

        Assert.True(buffer.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => buffer.Address);
    }

    [Fact]
    public void Dispose_WhileHeld_FreesOnlyWhenTheHolderLetsGo()
    {
        var buffer = new PinnedByteBuffer(8);
        var held = false;
        buffer.DangerousAddRef(ref held);
        buffer.Dispose();

        // Still usable by the holder: the memory is freed when the last reference goes.
        var address = buffer.DangerousGetHandle();
        ((byte*)address)[0] = 1;
        Assert.Equal(1, ((byte*)address)[0]);
        buffer.DangerousRelease();
        Assert.True(buffer.IsClosed);
    }

    [Fact]
    public void NegativeLength_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PinnedByteBuffer(-1));
}
