package shop.winback.logistics.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Kuaidi100's real-time query (实时快递查询): {@code POST /poll/query.do}, a form of
 * {@code customer}, {@code sign} (upper-case MD5 of param + key + customer) and {@code param}
 * (JSON: com, num, resultv2, show, order). The answer is JSON, read as text because Kuaidi100
 * labels it inconsistently and answers errors in another shape ({@code result}, {@code returnCode}, {@code message}).
 */
@RegisterRestClient(configKey = "kuaidi100")
@Path("/poll")
public interface Kuaidi100Api {

    @POST
    @Path("/query.do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    String query(
            @FormParam("customer") String customer, @FormParam("sign") String sign, @FormParam("param") String param);
}
