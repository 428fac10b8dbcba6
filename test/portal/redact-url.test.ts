import { redactUrl } from "../../portal/src/server/redact-url";

describe("redactUrl", () => {
  it("hides token and password values but keeps the rest of the URL", () => {
    expect(redactUrl("/sharing/rest/community/self?f=json&token=abc.def&x=1")).toBe(
      "/sharing/rest/community/self?f=json&token=***&x=1",
    );
    expect(redactUrl("/sharing/rest/generateToken?password=s3cret&username=a")).toBe(
      "/sharing/rest/generateToken?password=***&username=a",
    );
    expect(redactUrl("/sharing/rest/info?f=json")).toBe("/sharing/rest/info?f=json");
  });
});
