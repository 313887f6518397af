using System.Globalization;
using System.Runtime.InteropServices;
using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// An IPropertyStorage read as <see cref="RecorderProperty"/> values: names and ids from IEnumSTATPROPSTG, values
/// from one ReadMultiple. Owns the storage it is given and releases it on <see cref="Dispose"/>.
/// </summary>
internal sealed unsafe class PropertyStorage : IDisposable
{
    private IPropertyStorage? _storage;

    /// <summary>Takes ownership of <paramref name="storage"/>.</summary>
    public PropertyStorage(IPropertyStorage storage)
    {
        _storage = storage;
    }

    /// <summary>Takes ownership of a raw IPropertyStorage pointer.</summary>
    public static PropertyStorage FromPointer(nint storage) => new(ComObjects.Take<IPropertyStorage>(storage));

    /// <summary>Every property, in the storage's own order; a failing call throws with its HRESULT.</summary>
    public IReadOnlyList<RecorderProperty> ReadAll()
    {
        var storage = _storage ?? throw new ObjectDisposedException(nameof(PropertyStorage));
        var entries = Enumerate(storage);
        if (entries.Count == 0)
        {
            return [];
        }

        var specs = new PROPSPEC[entries.Count];
        for (var i = 0; i < specs.Length; i++)
        {
            specs[i] = PROPSPEC.ForId(entries[i].Id);
        }

        var values = new PROPVARIANT[entries.Count];
        fixed (PROPSPEC* spec = specs)
        fixed (PROPVARIANT* value = values)
        {
            var hr = storage.ReadMultiple((uint)specs.Length, spec, value);
            try
            {
                Marshal.ThrowExceptionForHR(hr);
                var properties = new List<RecorderProperty>(entries.Count);
                for (var i = 0; i < entries.Count; i++)
                {
                    properties.Add(new RecorderProperty((int)entries[i].Id, entries[i].Name, Text(value[i])));
                }

                return properties;
            }
            finally
            {
                for (var i = 0; i < values.Length; i++)
                {
                    Clear(&value[i]);
                }
            }
        }
    }

    /// <summary>Releases the storage. Twice is harmless.</summary>
    public void Dispose()
    {
        ComObjects.Release(_storage);
        _storage = null;
    }

    /// <summary>The text of the value types IMAPI's properties use; another type is shown by its VARTYPE.</summary>
    internal static string Text(in PROPVARIANT value) => value.vt switch
    {
        PROPVARIANT.VT_EMPTY => "",
        PROPVARIANT.VT_I4 => value.Int32.ToString(CultureInfo.InvariantCulture),
        PROPVARIANT.VT_UI4 => unchecked((uint)value.Int32).ToString(CultureInfo.InvariantCulture),
        PROPVARIANT.VT_I2 => value.Int16.ToString(CultureInfo.InvariantCulture),
        PROPVARIANT.VT_BOOL => value.Int16 != 0 ? "true" : "false",
        PROPVARIANT.VT_BSTR => value.value == 0 ? "" : Marshal.PtrToStringBSTR(value.value),
        PROPVARIANT.VT_LPWSTR => Marshal.PtrToStringUni(value.value) ?? "",
        _ => FormattableString.Invariant($"(VARTYPE {value.vt})"),
    };

    /// <summary>
    /// Frees what a PROPVARIANT owns and empties it: PropVariantClear on Windows; elsewhere (a test double) the
    /// string types this code reads are freed as the runtime allocates them, BSTRs with SysFreeString's equivalent.
    /// </summary>
    internal static void Clear(PROPVARIANT* value)
    {
        if (OperatingSystem.IsWindows())
        {
            _ = Ole32.PropVariantClear(value);
            return;
        }

        switch (value->vt)
        {
            case PROPVARIANT.VT_BSTR when value->value != 0:
                Marshal.FreeBSTR(value->value);
                break;
            case PROPVARIANT.VT_LPWSTR when value->value != 0:
                Marshal.FreeCoTaskMem(value->value);
                break;
        }

        *value = default;
    }

    private static List<(uint Id, string Name)> Enumerate(IPropertyStorage storage)
    {
        nint enumeratorPointer;
        Marshal.ThrowExceptionForHR(storage.Enum(&enumeratorPointer));
        var enumerator = ComObjects.Take<IEnumSTATPROPSTG>(enumeratorPointer);
        try
        {
            var entries = new List<(uint, string)>();
            while (true)
            {
                STATPROPSTG stat;
                uint fetched;
                var hr = enumerator.Next(1, &stat, &fetched);
                Marshal.ThrowExceptionForHR(hr);
                if (fetched == 0)
                {
                    return entries;
                }

                var name = stat.lpwstrName == 0 ? null : Marshal.PtrToStringUni(stat.lpwstrName);
                Marshal.FreeCoTaskMem(stat.lpwstrName);
                entries.Add((stat.propid, name ?? FormattableString.Invariant($"Property {stat.propid}")));
            }
        }
        finally
        {
            ComObjects.Release(enumerator);
        }
    }
}
