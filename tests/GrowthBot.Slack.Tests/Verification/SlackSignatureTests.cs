using System.Text;
using GrowthBot.Slack.Verification;

namespace GrowthBot.Slack.Tests.Verification;

public class SlackSignatureTests
{
    // Slack's documented example request, its signature recomputed independently with python3's hmac module:
    // hmac.new(secret, ("v0:" + ts + ":" + body).encode(), hashlib.sha256).hexdigest()
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp));
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    private static SignatureCheck Verify(string? timestamp = Timestamp, string? signature = Expected, string body = Body,
        DateTimeOffset? now = null, string secret = Secret) =>
        SlackSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now ?? SignedAt, Window);

    [Fact]
    public void Compute_matches_an_independently_computed_signature()
    {
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, BodyBytes));
    }

    [Fact]
    public void A_correctly_signed_request_is_valid()
    {
        Assert.Equal(SignatureCheck.Valid, Verify());
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(body: Body.Replace("roadrunner", "coyote")));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    [InlineData("garbage")]
    public void A_tampered_signature_is_refused(string signature)
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(signature: signature));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var other = SlackSignature.Compute("another-secret", Timestamp, BodyBytes);
        Assert.Equal(SignatureCheck.BadSignature, Verify(signature: other));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_old_is_refused_as_a_replay()
    {
        Assert.Equal(SignatureCheck.StaleTimestamp, Verify(now: SignedAt.AddMinutes(5).AddSeconds(1)));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_ahead_is_refused()
    {
        Assert.Equal(SignatureCheck.StaleTimestamp, Verify(now: SignedAt.AddMinutes(-5).AddSeconds(-1)));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void A_timestamp_exactly_at_the_edge_of_the_window_is_accepted(int secondsBetween)
    {
        Assert.Equal(SignatureCheck.Valid, Verify(now: SignedAt.AddSeconds(secondsBetween)));
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData("", Expected)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    [InlineData(null, null)]
    public void Missing_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, Verify(timestamp: timestamp, signature: signature));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData(" 1531420618")]
    [InlineData("99999999999999999999999")]
    [InlineData("9223372036854775807")]
    public void A_malformed_timestamp_is_refused(string timestamp)
    {
        Assert.Equal(SignatureCheck.MalformedTimestamp, Verify(timestamp: timestamp));
    }

    [Fact]
    public void Without_a_signing_secret_nothing_is_valid()
    {
        var signedWithEmptyKey = SlackSignature.Compute("", Timestamp, BodyBytes);
        Assert.Equal(SignatureCheck.NoSecret, Verify(secret: "", signature: signedWithEmptyKey));
    }
}
