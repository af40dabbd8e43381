using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Verification;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Benchmarks;

/// <summary>Requests signed exactly as Slack signs them, at the current time.</summary>
public static class SlackRequests
{
    public static HttpRequestMessage Signed(string path, string body, string contentType, string secret = GrowthBotProcess.SigningSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, bytes));
        return request;
    }

    public static HttpRequestMessage Command(string teamId, string command, string text, string triggerId, string responseUrl, string user = "U0ALICE") =>
        Signed("/slack/command", Form(new()
        {
            ["token"] = "legacy-unused", ["team_id"] = teamId, ["team_domain"] = "acme", ["channel_id"] = "C0GROWTH",
            ["channel_name"] = "growth", ["user_id"] = user, ["user_name"] = user.ToLowerInvariant(), ["command"] = command,
            ["text"] = text, ["api_app_id"] = "A0GROWTH", ["response_url"] = responseUrl, ["trigger_id"] = triggerId,
        }), "application/x-www-form-urlencoded");

    /// <summary>A valid New experiment submission, as Slack sends it when the user presses Save.</summary>
    public static HttpRequestMessage NewExperiment(string teamId, string name, string responseUrl, string user = "U0ALICE")
    {
        static JsonObject Text(string type, string? value) => new() { ["type"] = type, ["value"] = value };
        static JsonObject Field(JsonObject state) => new() { [ViewValues.Action] = state };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var values = new JsonObject
        {
            [B.Name] = Field(Text("plain_text_input", name)),
            [B.Hypothesis] = Field(Text("plain_text_input", "If we message CMOs on LinkedIn, more of them book demos, because peers vouch for us")),
            [B.Stage] = Field(new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acquisition" }, ["value"] = "Acquisition" } }),
            [B.Metric] = Field(Text("plain_text_input", "Leads")),
            [B.Impact] = Field(Text("number_input", "8")),
            [B.Confidence] = Field(Text("number_input", "6")),
            [B.Ease] = Field(Text("number_input", "7")),
            [B.Owner] = Field(new JsonObject { ["type"] = "users_select", ["selected_user"] = user }),
            [B.Start] = Field(new JsonObject { ["type"] = "datepicker", ["selected_date"] = today.ToString("yyyy-MM-dd") }),
            [B.End] = Field(new JsonObject { ["type"] = "datepicker", ["selected_date"] = today.AddDays(7).ToString("yyyy-MM-dd") }),
        };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = teamId },
            ["api_app_id"] = "A0GROWTH",
            ["trigger_id"] = "1.1.submit",
            ["view"] = new JsonObject
            {
                ["id"] = "V1", ["team_id"] = teamId, ["type"] = "modal", ["callback_id"] = GrowthBot.Features.Experiments.NewExperimentModal.CallbackId,
                ["private_metadata"] = new ModalOrigin("C0GROWTH", responseUrl).Serialize(),
                ["hash"] = "1.1", ["state"] = new JsonObject { ["values"] = values },
            },
        };
        return Signed("/slack/action", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");
    }

    public static string Form(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));
}
