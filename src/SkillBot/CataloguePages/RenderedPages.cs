using Microsoft.Extensions.Caching.Memory;
using SkillBot.Core.Catalogue;

namespace SkillBot.CataloguePages;

/// <summary>
/// Each catalogue page rendered once per catalogue: a page is a pure function of the catalogue, its URL and its language,
/// and a role page on a 2,000-skill catalogue takes tens of milliseconds to render. Only pages (200) are kept, never a
/// 404 or a redirect, so a URL that names nothing cannot fill it; it is bounded by bytes, forgets the least used first,
/// and is emptied when a catalogue of another version (its content hash) is served after a reload; the key's version
/// keeps a page of the old one from being served in between.
/// </summary>
public sealed class RenderedPages : IDisposable
{
    public const long SizeLimitBytes = 64 * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes, CompactionPercentage = 0.25 });
    private readonly Lock _swap = new();
    private string? _version;

    /// <summary>The page at <paramref name="path"/> of <paramref name="catalogue"/> in <paramref name="language"/>, or null when it is not kept.</summary>
    public byte[]? Find(SkillCatalogue catalogue, string language, string path)
    {
        ServedNow(catalogue);
        return _cache.TryGetValue(new Key(catalogue.Version, language, path), out byte[]? html) ? html : null;
    }

    /// <summary>Keeps a page that was served with 200.</summary>
    public void Keep(SkillCatalogue catalogue, string language, string path, byte[] html)
    {
        ServedNow(catalogue);
        // What the entry holds: the page, its key's text and the entry's own bookkeeping.
        _cache.Set(new Key(catalogue.Version, language, path), html,
            new MemoryCacheEntryOptions { Size = html.Length + (2 * (path.Length + catalogue.Version.Length + language.Length)) + 256 });
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A catalogue of another version than the last one seen is being served: every page of the old one goes.</summary>
    private void ServedNow(SkillCatalogue catalogue)
    {
        if (Volatile.Read(ref _version) == catalogue.Version)
        {
            return;
        }
        lock (_swap)
        {
            if (_version != catalogue.Version)
            {
                _cache.Clear();
                Volatile.Write(ref _version, catalogue.Version);
            }
        }
    }

    private readonly record struct Key(string Version, string Language, string Path);
}
