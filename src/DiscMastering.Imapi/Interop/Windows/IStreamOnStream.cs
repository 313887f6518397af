using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A .NET <see cref="Stream"/> as a COM IStream, for IMAPI2's Write and any other COM reader. No exception crosses
/// into COM: each becomes an HRESULT (STG_E_* where structured storage has one). Reads fill the buffer unless the
/// stream ends, and then answer S_FALSE with the shorter count. Not transacted: Commit flushes, Revert does nothing;
/// region locks are not supported. Disposing it disposes the stream unless told to leave it open.
/// </summary>
[GeneratedComClass]
internal unsafe partial class IStreamOnStream : IStream, IDisposable
{
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Serves <paramref name="stream"/> to COM; <paramref name="leaveOpen"/> keeps it open when this is disposed.</summary>
    public IStreamOnStream(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The stream served.</summary>
    public Stream Stream { get; }

    /// <summary>Disposes the stream unless it was to be left open. Twice is harmless; COM calls after it answer STG_E_REVERTED.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            Stream.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public int Read(byte* pv, uint cb, uint* pcbRead)
    {
        if (pcbRead is not null)
        {
            *pcbRead = 0;
        }

        if (pv is null && cb > 0)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        return Guard(() =>
        {
            var buffer = new Span<byte>(pv, checked((int)cb));
            var total = 0;
            while (total < buffer.Length)
            {
                var read = Stream.Read(buffer[total..]);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (pcbRead is not null)
            {
                *pcbRead = (uint)total;
            }

            return total == buffer.Length ? ComHResults.S_OK : ComHResults.S_FALSE;
        });
    }

    /// <inheritdoc/>
    public int Write(byte* pv, uint cb, uint* pcbWritten)
    {
        if (pcbWritten is not null)
        {
            *pcbWritten = 0;
        }

        if (pv is null && cb > 0)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        return Guard(() =>
        {
            if (!Stream.CanWrite)
            {
                return ComHResults.STG_E_ACCESSDENIED;
            }

            Stream.Write(new ReadOnlySpan<byte>(pv, checked((int)cb)));
            if (pcbWritten is not null)
            {
                *pcbWritten = cb;
            }

            return ComHResults.S_OK;
        });
    }

    /// <inheritdoc/>
    public int Seek(long dlibMove, uint dwOrigin, ulong* plibNewPosition) => Guard(() =>
    {
        if (!Stream.CanSeek)
        {
            return ComHResults.STG_E_INVALIDFUNCTION;
        }

        var origin = dwOrigin switch
        {
            IStream.STREAM_SEEK_SET => SeekOrigin.Begin,
            IStream.STREAM_SEEK_CUR => SeekOrigin.Current,
            IStream.STREAM_SEEK_END => SeekOrigin.End,
            _ => (SeekOrigin)(-1),
        };
        if ((int)origin < 0)
        {
            return ComHResults.STG_E_INVALIDFUNCTION;
        }

        var basis = origin switch
        {
            SeekOrigin.Begin => 0,
            SeekOrigin.Current => Stream.Position,
            _ => Stream.Length,
        };

        // Before the start is STG_E_INVALIDFUNCTION for IStream; Stream would throw an IOException instead.
        if (basis + dlibMove < 0)
        {
            return ComHResults.STG_E_INVALIDFUNCTION;
        }

        var position = Stream.Seek(dlibMove, origin);
        if (plibNewPosition is not null)
        {
            *plibNewPosition = (ulong)position;
        }

        return ComHResults.S_OK;
    });

    /// <inheritdoc/>
    public int SetSize(ulong libNewSize) => Guard(() =>
    {
        if (!Stream.CanWrite || !Stream.CanSeek)
        {
            return ComHResults.STG_E_ACCESSDENIED;
        }

        if (libNewSize > long.MaxValue)
        {
            return ComHResults.STG_E_MEDIUMFULL;
        }

        Stream.SetLength((long)libNewSize);
        return ComHResults.S_OK;
    });

    /// <inheritdoc/>
    public int CopyTo(nint pstm, ulong cb, ulong* pcbRead, ulong* pcbWritten)
    {
        if (pcbRead is not null)
        {
            *pcbRead = 0;
        }

        if (pcbWritten is not null)
        {
            *pcbWritten = 0;
        }

        if (pstm == 0)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        // The caller keeps its reference; the wrapper takes one of its own and gives it back below.
        Marshal.AddRef(pstm);
        var target = ComObjects.Take<ISequentialStream>(pstm);
        try
        {
            return Guard(() =>
            {
                var buffer = new byte[81920];
                ulong read = 0, written = 0;
                var hr = ComHResults.S_OK;
                while (read < cb)
                {
                    var count = Stream.Read(buffer, 0, (int)Math.Min((ulong)buffer.Length, cb - read));
                    if (count == 0)
                    {
                        break;
                    }

                    read += (ulong)count;
                    uint done;
                    fixed (byte* data = buffer)
                    {
                        hr = target.Write(data, (uint)count, &done);
                    }

                    written += done;
                    if (ComHResults.Failed(hr))
                    {
                        break;
                    }
                }

                if (pcbRead is not null)
                {
                    *pcbRead = read;
                }

                if (pcbWritten is not null)
                {
                    *pcbWritten = written;
                }

                return ComHResults.Failed(hr) ? hr : ComHResults.S_OK;
            });
        }
        finally
        {
            ComObjects.Release(target);
        }
    }

    /// <inheritdoc/>
    public int Commit(uint grfCommitFlags) => Guard(() =>
    {
        if (Stream.CanWrite)
        {
            Stream.Flush();
        }

        return ComHResults.S_OK;
    });

    /// <summary>Nothing to undo: the stream is not transacted.</summary>
    public int Revert() => _disposed ? ComHResults.STG_E_REVERTED : ComHResults.S_OK;

    /// <summary>Region locks are not supported (STG_E_INVALIDFUNCTION), as for streams whose Stat reports no lock types.</summary>
    public int LockRegion(ulong libOffset, ulong cb, uint dwLockType) => _disposed ? ComHResults.STG_E_REVERTED : ComHResults.STG_E_INVALIDFUNCTION;

    /// <inheritdoc cref="LockRegion"/>
    public int UnlockRegion(ulong libOffset, ulong cb, uint dwLockType) => _disposed ? ComHResults.STG_E_REVERTED : ComHResults.STG_E_INVALIDFUNCTION;

    /// <inheritdoc/>
    public int Stat(STATSTG* pstatstg, uint grfStatFlag)
    {
        if (pstatstg is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *pstatstg = default;
        return Guard(() =>
        {
            var stat = new STATSTG
            {
                type = STATSTG.STGTY_STREAM,
                cbSize = Stream.CanSeek ? (ulong)Stream.Length : 0,
                grfMode = Stream.CanWrite ? (Stream.CanRead ? STATSTG.STGM_READWRITE : STATSTG.STGM_WRITE) : STATSTG.STGM_READ,
            };
            FillStat(ref stat);
            var name = (grfStatFlag & STATSTG.STATFLAG_NONAME) == 0 ? Name : null;
            stat.pwcsName = name is null ? 0 : Marshal.StringToCoTaskMemUni(name);
            *pstatstg = stat;
            return ComHResults.S_OK;
        });
    }

    /// <inheritdoc/>
    public int Clone(nint* ppstm)
    {
        if (ppstm is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *ppstm = 0;
        return Guard(() =>
        {
            var clone = CreateClone();
            if (clone is null)
            {
                return ComHResults.E_NOTIMPL;
            }

            *ppstm = ComObjects.PointerFor(clone, typeof(IStream).GUID);
            return ComHResults.S_OK;
        });
    }

    /// <summary>The name Stat reports; none for a plain stream.</summary>
    protected virtual string? Name => null;

    /// <summary>Adds what a specialisation knows (times) to Stat's answer.</summary>
    protected virtual void FillStat(ref STATSTG stat)
    {
    }

    /// <summary>An independent stream over the same bytes at the same position, or null where that cannot be made (Clone answers E_NOTIMPL).</summary>
    protected virtual IStreamOnStream? CreateClone() => null;

    private int Guard(Func<int> call)
    {
        if (_disposed)
        {
            return ComHResults.STG_E_REVERTED;
        }

        try
        {
            return call();
        }
        catch (Exception e)
        {
            return ComHResults.FromException(e);
        }
    }
}
