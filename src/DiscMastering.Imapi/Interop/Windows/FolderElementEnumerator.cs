using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>IEnumSTATSTG over a folder's elements, listed once when the enumerator is made; names are the caller's to free.</summary>
[GeneratedComClass]
internal sealed unsafe partial class FolderElementEnumerator : IEnumSTATSTG
{
    private readonly IReadOnlyList<FolderElement> _elements;
    private int _next;

    public FolderElementEnumerator(IReadOnlyList<FolderElement> elements, int next = 0)
    {
        _elements = elements;
        _next = next;
    }

    /// <inheritdoc/>
    public int Next(uint celt, STATSTG* rgelt, uint* pceltFetched)
    {
        if (rgelt is null || (celt > 1 && pceltFetched is null))
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        uint fetched = 0;
        try
        {
            while (fetched < celt && _next < _elements.Count)
            {
                rgelt[fetched] = _elements[_next].ToStat(withName: true);
                fetched++;
                _next++;
            }
        }
        catch (Exception e)
        {
            return ComHResults.FromException(e);
        }

        if (pceltFetched is not null)
        {
            *pceltFetched = fetched;
        }

        return fetched == celt ? ComHResults.S_OK : ComHResults.S_FALSE;
    }

    /// <inheritdoc/>
    public int Skip(uint celt)
    {
        var skipped = (int)Math.Min(celt, (uint)(_elements.Count - _next));
        _next += skipped;
        return skipped == celt ? ComHResults.S_OK : ComHResults.S_FALSE;
    }

    /// <inheritdoc/>
    public int Reset()
    {
        _next = 0;
        return ComHResults.S_OK;
    }

    /// <inheritdoc/>
    public int Clone(nint* ppenum)
    {
        if (ppenum is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        try
        {
            *ppenum = ComObjects.PointerFor(new FolderElementEnumerator(_elements, _next), typeof(IEnumSTATSTG).GUID);
            return ComHResults.S_OK;
        }
        catch (Exception e)
        {
            *ppenum = 0;
            return ComHResults.FromException(e);
        }
    }
}
