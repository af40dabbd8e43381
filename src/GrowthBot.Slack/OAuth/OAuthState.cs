using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GrowthBot.Slack.OAuth;

/// <summary>Why a state coming back from Slack was refused (or that it was not).</summary>
public enum StateCheck
{
    Valid,
    /// <summary>No state in the URL, or no cookie: another browser, cookies blocked, or the cookie expired.</summary>
    Missing,
    /// <summary>The cookie was not ours, or does not match the URL's state: a forged or crossed link.</summary>
    Mismatch,
    Expired,
    /// <summary>This state was already used once.</summary>
    Used,
}

/// <summary>
/// The OAuth <c>state</c> that ties Slack's redirect to the browser that started the install (RFC 6749 §10.12): a
/// random value in the authorize link, and the same value with its expiry in an HttpOnly, SameSite=Lax cookie,
/// protected by Data Protection so it can be neither read nor forged. The redirect must bring back the state its
/// own cookie holds, within <see cref="Lifetime"/>, once.
/// </summary>
public sealed class OAuthState(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "growthbot_slack_oauth_state";
    public const string CookiePath = "/slack";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("GrowthBot.Slack.OAuthState.v1");
    // States already redeemed on this instance, until they would have expired anyway. Across instances the cookie
    // is deleted on its first use and Slack's code is single-use, so a replay elsewhere gets nothing either.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>A fresh state for the authorize link; its cookie is set on the response.</summary>
    public string Issue(HttpContext http, bool secure)
    {
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + Lifetime;
        var cookie = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeSeconds()}|{state}"));
        http.Response.Cookies.Append(CookieName, cookie, Options(secure, Lifetime));
        return state;
    }

    /// <summary>Checks the state Slack sent back against this browser's cookie, and deletes the cookie whatever the answer.</summary>
    public StateCheck Redeem(HttpContext http, string? state, bool secure)
    {
        http.Response.Cookies.Delete(CookieName, Options(secure, maxAge: null));
        if (string.IsNullOrEmpty(state) || !http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
            return StateCheck.Missing;

        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return StateCheck.Mismatch;
        }
        var bar = payload.IndexOf('|');
        if (bar < 0 || !long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var unix)) return StateCheck.Mismatch;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(payload[(bar + 1)..]), Encoding.UTF8.GetBytes(state)))
            return StateCheck.Mismatch;

        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(unix);
        if (now >= expires) return StateCheck.Expired;
        foreach (var (old, until) in _used)
            if (until <= now) _used.TryRemove(old, out _);
        return _used.TryAdd(state, expires) ? StateCheck.Valid : StateCheck.Used;
    }

    private static CookieOptions Options(bool secure, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = secure,
        // Lax: sent on Slack's top-level redirect back to us, never on a cross-site request from another page.
        SameSite = SameSiteMode.Lax,
        Path = CookiePath,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
