using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// Recorders on Windows through IMAPI: v1 (MSDiscMasterObj) lists them, names them, reads their properties and media,
/// blanks, ejects and records staged Joliet folders, as the original wrapper did; IMAPI2 writes images (v1 cannot take
/// one). The backend holds one open IDiscMaster session and closes it in <see cref="Dispose"/> whatever happened, so this
/// library never leaves IMAPI's stash file held (IMAPI_E_STASHINUSE). Every COM object has one owner that releases it.
/// </summary>
internal sealed unsafe class ImapiBackend : IRecorderBackend
{
    /// <summary>How IMAPI2 names this library to other programs (ExclusiveAccessOwner, ClientName).</summary>
    public const string ClientName = "DiscMastering";

    private readonly IComActivator _activator;
    private readonly ImapiProgressSink _sink = new();
    private IDiscMaster? _master;
    private nuint _cookie;
    private bool _advised;

    private ImapiBackend(IComActivator activator, IDiscMaster master)
    {
        _activator = activator;
        _master = master;
        _sink.RecordersChanged += (_, _) => RecordersChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <inheritdoc/>
    public string Name => "IMAPI (Image Mastering API v1 and IMAPI2)";

    /// <summary>Raised when IMAPI v1 reports Plug and Play activity (NotifyPnPActivity).</summary>
    public event EventHandler? RecordersChanged;

    /// <summary>The session, while the backend is open.</summary>
    internal IDiscMaster Master => _master ?? throw new ObjectDisposedException(nameof(ImapiBackend));

    /// <summary>The progress sink advised on the session.</summary>
    internal ImapiProgressSink Sink => _sink;

    /// <summary>Opens IMAPI through ole32; fails with <see cref="DiscMasteringError.ImapiUnavailable"/> where its classes are not registered.</summary>
    public static IRecorderBackend Open()
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new DiscMasteringException(DiscMasteringError.RecordingUnavailable, "IMAPI recording works on Windows only; on this system master the image with 'dotnet discmaster image' and record it with the system's own tools.");
        }

        return Open(new Ole32ComActivator());
    }

    /// <summary>
    /// Creates MSDiscMasterObj through <paramref name="activator"/>, opens its session (IDiscMaster::Open) and advises the
    /// progress sink. A failure after the object exists still closes and releases it.
    /// </summary>
    internal static ImapiBackend Open(IComActivator activator)
    {
        ArgumentNullException.ThrowIfNull(activator);
        const string what = "opening IMAPI";
        const string where = "this system's recorders";
        var hr = activator.CreateInstance(ImapiClassIds.MSDiscMasterObj, typeof(IDiscMaster).GUID, out var pointer);
        ImapiErrors.ThrowIfFailed(hr, where, what);
        var backend = new ImapiBackend(activator, ComObjects.Take<IDiscMaster>(pointer));
        try
        {
            ImapiErrors.ThrowIfFailed(backend.Master.Open(), where, what);
            nuint cookie;
            ImapiErrors.ThrowIfFailed(backend.Master.ProgressAdvise(backend._sink, &cookie), where, what);
            backend._cookie = cookie;
            backend._advised = true;
            return backend;
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RecorderIdentity> Scan()
    {
        var found = new List<RecorderIdentity>();
        ForEachRecorder(recorder =>
        {
            found.Add(ReadIdentity(recorder).Identity);
            return false;
        });
        return found.OrderBy(r => r.Address, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Takes the recorder whose device path (\Device\CdRom0) or drive letter (E:, E:\) is <paramref name="address"/> for
    /// exclusive use (IDiscRecorder::OpenExclusive).
    /// </summary>
    public IRecorderDevice Open(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = address.Trim();
        var wanted = address.TrimEnd('\\');
        IDiscRecorder? match = null;
        ImapiRecorderInfo info = default;
        ForEachRecorder(recorder =>
        {
            var candidate = ReadIdentity(recorder);
            if (!string.Equals(candidate.Identity.OsPath, address, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(candidate.Identity.DriveLetter, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            match = recorder;
            info = candidate;
            return true;
        });

        if (match is null)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderNotFound,
                $"no IMAPI recorder answers at '{address}'; give an index from 'dotnet discmaster recorders', a drive letter such as E:, or a device path such as \\Device\\CdRom0.");
        }

        return new ImapiDevice(this, match, info);
    }

    /// <inheritdoc/>
    public SimpleDiscRecorder? GetSimpleRecorder() => ImapiSimpleRecorder.Read(_activator);

    /// <summary>
    /// Unadvises the sink, closes the session (IDiscMaster::Close, even after a failure, so the stash is let go) and
    /// releases it. Safe twice.
    /// </summary>
    public void Dispose()
    {
        var master = _master;
        if (master is null)
        {
            return;
        }

        _master = null;
        try
        {
            if (_advised)
            {
                _advised = false;
                _ = master.ProgressUnadvise(_cookie);
            }
        }
        finally
        {
            try
            {
                _ = master.Close();
            }
            finally
            {
                ComObjects.Release(master);
            }
        }
    }

    /// <summary>Creates an IMAPI2 object through the same activator as the session.</summary>
    internal T Create<T>(Guid clsid, string recorder, string operation)
        where T : class
    {
        var hr = _activator.CreateInstance(clsid, typeof(T).GUID, out var pointer);
        ImapiErrors.ThrowIfFailed(hr, recorder, operation);
        return ComObjects.Take<T>(pointer);
    }

    /// <summary>
    /// The IMAPI2 recorder that is v1's <paramref name="info"/>, initialised: the one whose unique id holds v1's base
    /// PnP id (its '\' as '#'), else the only one with the same vendor, product and revision.
    /// </summary>
    internal IDiscRecorder2 OpenRecorder2(in ImapiRecorderInfo info, string operation)
    {
        var address = info.Identity.Address;
        var master2 = Create<IDiscMaster2>(ImapiClassIds.MsftDiscMaster2, address, operation);
        IDiscRecorder2? byIdentity = null;
        var identityMatches = 0;
        try
        {
            int count;
            ImapiErrors.ThrowIfFailed(master2.get_Count(&count), address, operation);
            var pnp = string.IsNullOrEmpty(info.BasePnpId) ? null : info.BasePnpId.Replace('\\', '#');
            for (var i = 0; i < count; i++)
            {
                if (master2.get_Item(i, out var uniqueId) < 0 || string.IsNullOrEmpty(uniqueId))
                {
                    continue;
                }

                var recorder2 = Create<IDiscRecorder2>(ImapiClassIds.MsftDiscRecorder2, address, operation);
                var keep = false;
                try
                {
                    if (recorder2.InitializeDiscRecorder(uniqueId) < 0)
                    {
                        continue;
                    }

                    if (pnp is not null && uniqueId.Contains(pnp, StringComparison.OrdinalIgnoreCase))
                    {
                        keep = true;
                        ComObjects.Release(byIdentity);
                        byIdentity = null;
                        return recorder2;
                    }

                    if (SameIdentity(recorder2, info.Identity))
                    {
                        identityMatches++;
                        if (byIdentity is null)
                        {
                            byIdentity = recorder2;
                            keep = true;
                        }
                    }
                }
                finally
                {
                    if (!keep)
                    {
                        ComObjects.Release(recorder2);
                    }
                }
            }

            if (byIdentity is not null && identityMatches == 1)
            {
                var found = byIdentity;
                byIdentity = null;
                return found;
            }

            throw new DiscMasteringException(
                DiscMasteringError.RecorderNotFound,
                $"{operation}: IMAPI2 does not list {address} ({info.Identity.Vendor} {info.Identity.Product}) unambiguously, so it cannot write to it; check that the drive is enabled in Device Manager and try again.");
        }
        finally
        {
            ComObjects.Release(byIdentity);
            ComObjects.Release(master2);
        }
    }

    private static bool SameIdentity(IDiscRecorder2 recorder2, RecorderIdentity identity) =>
        recorder2.get_VendorId(out var vendor) >= 0
        && recorder2.get_ProductId(out var product) >= 0
        && recorder2.get_ProductRevision(out var revision) >= 0
        && string.Equals(vendor?.Trim(), identity.Vendor, StringComparison.OrdinalIgnoreCase)
        && string.Equals(product?.Trim(), identity.Product, StringComparison.OrdinalIgnoreCase)
        && string.Equals(revision?.Trim(), identity.Revision, StringComparison.OrdinalIgnoreCase);

    /// <summary>Vendor, product and revision (GetDisplayNames), device path (GetPath), base PnP id and drive letter.</summary>
    private static ImapiRecorderInfo ReadIdentity(IDiscRecorder recorder)
    {
        nint vendor = 0, product = 0, revision = 0;
        string vendorText, productText, revisionText, path;
        try
        {
            ImapiErrors.ThrowIfFailed(recorder.GetDisplayNames(&vendor, &product, &revision), "a recorder", "reading a recorder's name");
            (vendorText, productText, revisionText) = (Text(vendor), Text(product), Text(revision));
            ImapiErrors.ThrowIfFailed(recorder.GetPath(out var osPath), "a recorder", "reading a recorder's path");
            path = osPath ?? "";
        }
        finally
        {
            // The BSTRs were allocated by IMAPI and are the caller's to free, once read.
            FreeBStr(vendor);
            FreeBStr(product);
            FreeBStr(revision);
        }

        var pnp = recorder.GetBasePnPID(out var basePnpId) >= 0 ? basePnpId : null;
        var letter = OperatingSystem.IsWindows() && path.Length > 0 ? Kernel32.DriveLetterFor(path) : null;
        var identity = new RecorderIdentity(path, vendorText, productText, revisionText, path, letter);
        return new ImapiRecorderInfo(identity, pnp);

        static string Text(nint bstr) => bstr == 0 ? "" : (Marshal.PtrToStringBSTR(bstr) ?? "").Trim();
    }

    private static void FreeBStr(nint bstr)
    {
        if (bstr != 0)
        {
            Marshal.FreeBSTR(bstr);
        }
    }

    /// <summary>
    /// Enumerates the recorders (EnumDiscRecorders, then Next one at a time). Each is released after <paramref name="visit"/>
    /// unless it returns true, which keeps it for the caller and stops the enumeration.
    /// </summary>
    private void ForEachRecorder(Func<IDiscRecorder, bool> visit)
    {
        const string what = "listing the recorders";
        nint enumeratorPointer;
        ImapiErrors.ThrowIfFailed(Master.EnumDiscRecorders(&enumeratorPointer), "this system's recorders", what);
        var enumerator = ComObjects.Take<IEnumDiscRecorders>(enumeratorPointer);
        try
        {
            while (true)
            {
                nint pointer = 0;
                uint fetched = 0;
                var hr = enumerator.Next(1, &pointer, &fetched);
                ImapiErrors.ThrowIfFailed(hr, "this system's recorders", what);
                if (fetched == 0 || pointer == 0)
                {
                    return;
                }

                var recorder = ComObjects.Take<IDiscRecorder>(pointer);
                var keep = false;
                try
                {
                    keep = visit(recorder);
                    if (keep)
                    {
                        return;
                    }
                }
                finally
                {
                    if (!keep)
                    {
                        ComObjects.Release(recorder);
                    }
                }
            }
        }
        finally
        {
            ComObjects.Release(enumerator);
        }
    }
}
