// Operations of the security settings page.
import { graphql } from '../../../gql';

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    viewer {
      role
      user {
        id
        email
        totpEnabled
      }
      partner {
        id
        requireStepUp
      }
    }
  }
`);

export const BeginTotpEnrollmentMutation = graphql(`
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      uri
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ConfirmTotpEnrollmentMutation = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code) {
      user {
        id
        totpEnabled
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const DisableTotpMutation = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code) {
      user {
        id
        totpEnabled
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const SetStepUpRequiredMutation = graphql(`
  mutation SetStepUpRequired($required: Boolean!, $verificationCode: String) {
    setStepUpRequired(required: $required, verificationCode: $verificationCode) {
      partner {
        id
        requireStepUp
      }
      userErrors { ...UserErrorFields }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ok
      userErrors { ...UserErrorFields }
    }
  }
`);
