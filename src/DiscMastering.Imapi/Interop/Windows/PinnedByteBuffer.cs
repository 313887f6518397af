using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A fixed-size block of zeroed native memory whose address never moves, for native calls that take a buffer pointer.
/// It is a <see cref="SafeHandle"/>: threads sharing it can hold it with DangerousAddRef, and the memory is freed when
/// the last holder lets go after <see cref="IDisposable.Dispose"/>, never while in use and never by the GC alone.
/// </summary>
internal sealed unsafe class PinnedByteBuffer : SafeHandle
{
    /// <summary>Allocates <paramref name="length"/> zeroed bytes.</summary>
    public PinnedByteBuffer(int length)
        : base(0, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)Math.Max(length, 1)));
    }

    /// <summary>The size in bytes, fixed at construction.</summary>
    public int Length { get; }

    /// <summary>Where the bytes are; valid until disposed.</summary>
    public nint Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The bytes as a span; valid until disposed.</summary>
    public Span<byte> AsSpan() => new((void*)Address, Length);

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => AsSpan().ToArray();

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
